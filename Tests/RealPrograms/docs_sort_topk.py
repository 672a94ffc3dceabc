# source: pytorch/pytorch torch/_torch_docs.py (docstring examples of torch.sort, torch.argsort, torch.topk, torch.kthvalue, torch.max, torch.argmax, torch.unique joined; torch.randn inputs seeded with torch.manual_seed(0))
import torch

torch.manual_seed(0)  # added

x = torch.randn(3, 4)
sorted, indices = torch.sort(x)
print(sorted)
print(indices)

sorted, indices = torch.sort(x, 0)
print(sorted)
print(indices)
x = torch.tensor([0, 1] * 9)
print(x.sort())
print(x.sort(stable=True))

a = torch.randn(4, 4)
print(a)
print(torch.argsort(a, dim=1))

x = torch.arange(1., 6.)
print(x)
print(torch.topk(x, 3))

x = torch.arange(1., 6.)
print(x)
print(torch.kthvalue(x, 4))
x = torch.arange(1., 7.).resize_(2, 3)
print(x)
print(torch.kthvalue(x, 2, 0, True))

a = torch.randn(4, 4)
print(a)
print(torch.max(a, 1))
print(torch.argmax(a, dim=1))

output = torch.unique(torch.tensor([1, 3, 2, 3], dtype=torch.long))
print(output)
output, inverse_indices = torch.unique(
        torch.tensor([1, 3, 2, 3], dtype=torch.long), sorted=True, return_inverse=True)
print(output)
print(inverse_indices)
output, inverse_indices = torch.unique(
        torch.tensor([[1, 3], [2, 3]], dtype=torch.long), sorted=True, return_inverse=True)
print(output)
print(inverse_indices)
