import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
c = nn.Conv1d(2, 3, 3, padding=1)
x = torch.randn(1, 2, 5, requires_grad=True)
y = c(x)
print(c, y, y.grad_fn.name())
y.sum().backward()
print(x.grad, c.weight.grad.shape)
g = nn.GELU()
print(g, g(torch.linspace(-2, 2, 5)), nn.GELU(approximate='tanh')(torch.linspace(-2, 2, 5)), F.gelu(x).grad_fn.name())
b = torch.ones(2, requires_grad=True) * 1
c2 = b * b
b.add_(1)
try:
    c2.sum().backward()
except RuntimeError as e:
    print(e)

