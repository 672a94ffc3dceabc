import torch

x = torch.tensor([3, 1, 2, 3, 1, 7])
print(torch.unique(x), x.unique(return_counts=True))
print(torch.unique(x, sorted=True, return_inverse=True))
print(torch.unique(torch.tensor([[2.5, 1.0], [2.5, -1.0]]), return_inverse=True, return_counts=True))
print(torch.unique(torch.tensor([True, False, True])))
y = torch.arange(1.0, 7.0).resize_(2, 3)
print(y, y.shape, y.is_contiguous())
z = torch.arange(6).resize_(4)
print(z)
w = torch.arange(4.0)
print(w.resize_(2, 2), w.resize_(4), w.resize_((1, 4)))
try:
    torch.ones(2, requires_grad=True).resize_(4)
except RuntimeError as e:
    print("RuntimeError:", e)
