import torch
import torch.nn as nn

torch.manual_seed(0)
x = torch.randn(2, 4, 3, dtype=torch.float64, requires_grad=True)
gn = nn.GroupNorm(2, 4).double()
with torch.no_grad():
    gn.weight.copy_(torch.tensor([1.5, -0.5, 2.0, 0.25]))
    gn.bias.copy_(torch.tensor([0.1, 0.2, -0.3, 0.0]))
y = gn(x)
g, = torch.autograd.grad((y * y * torch.arange(24.).view(2, 4, 3)).sum(), x, create_graph=True)
print(g.grad_fn.name())
print(g)
(g * g).sum().backward()
print(x.grad)
print(gn.weight.grad, gn.bias.grad)
img = torch.randn(1, 6, 2, 2, dtype=torch.float64, requires_grad=True)
weight = torch.randn(6, dtype=torch.float64, requires_grad=True)
bias = torch.randn(6, dtype=torch.float64, requires_grad=True)
f = lambda a, w, b: torch.nn.functional.group_norm(a, 3, w, b)
print(torch.autograd.gradgradcheck(f, (img, weight, bias)))
print(torch.autograd.gradgradcheck(lambda a: torch.nn.functional.group_norm(a, 2), (torch.randn(3, 4, dtype=torch.float64, requires_grad=True),)))
