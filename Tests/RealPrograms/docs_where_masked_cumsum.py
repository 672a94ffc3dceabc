# source: pytorch/pytorch torch/_torch_docs.py and torch/_tensor_docs.py (docstring examples of torch.where, Tensor.masked_fill_, torch.clamp, torch.cumsum, torch.cumprod, torch.cummax, torch.diff joined; torch.randn inputs seeded with torch.manual_seed(0))
import torch

torch.manual_seed(0)  # added

x = torch.randn(3, 2)
y = torch.ones(3, 2)
print(x)
print(torch.where(x > 0, 1.0, 0.0))
print(torch.where(x > 0, x, y))
x = torch.randn(2, 2, dtype=torch.double)
print(x)
print(torch.where(x > 0, x, 0.))

x = torch.tensor([[1., 2., 3.], [4., 5., 6.]])
mask = x > 3
print(x.masked_fill(mask, -1.0))
x.masked_fill_(x < 2, 0.0)
print(x)

a = torch.randn(4)
print(a)
print(torch.clamp(a, min=-0.5, max=0.5))
min = torch.linspace(-1, 1, steps=4)
print(torch.clamp(a, min=min))

a = torch.randint(1, 20, (10,))
print(a)
print(torch.cumsum(a, dim=0))

a = torch.randn(10)
print(a)
print(torch.cumsum(a, dim=0))

a = torch.randn(10)
print(a)
print(torch.cumprod(a, dim=0))
a[5] = 0.0
print(torch.cumprod(a, dim=0))

a = torch.randn(10)
print(a)
print(torch.cummax(a, dim=0))

a = torch.tensor([1, 3, 2])
print(torch.diff(a))
b = torch.tensor([4, 5])
print(torch.diff(a, append=b))
c = torch.tensor([[1, 2, 3], [3, 4, 5]])
print(torch.diff(c, dim=0))
print(torch.diff(c, dim=1))
