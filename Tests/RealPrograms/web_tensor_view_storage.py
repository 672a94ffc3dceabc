# source: https://androidkt.com/what-does-tensor-view-do-in-pytorch/ (torch.manual_seed(0) added before torch.rand)
import torch

torch.manual_seed(0)
a = torch.rand(2, 3)
b = a.view(3, 2)
print(a.storage().data_ptr() == b.storage().data_ptr())  # True'a and 'b' share the same underlying data.

b[0][0] = 8.14

print(a[0][0]) #tensor(8.1400)

a = torch.tensor([[0, 1],[2, 3]])

print(a.is_contiguous()) #True

b = a.transpose(0, 1)
# 'b' is a view of `a`. No data movement happened here.
print(b.is_contiguous())
#False # View tensors might be non-contiguous.

c = b.contiguous()
#To get a contiguous tensor, call b.contiguous().
#It enforce copying data when 'b' is not contiguous.
