import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(2, 6, 5, 3, requires_grad=True)
gn = nn.GroupNorm(3, 6)
print(gn)
print(nn.GroupNorm(2, 4, eps=1e-3, affine=False), nn.GroupNorm(1, 3, bias=False))
with torch.no_grad():
    gn.weight.uniform_(0.5, 1.5)
    gn.bias.uniform_(-0.5, 0.5)
y = gn(x)
print(y.grad_fn.name(), [n[0].name() if n[0] is not None else None for n in y.grad_fn.next_functions])
print(y[0, :2])
(y * torch.arange(90.0).reshape(6, 5, 3).sin()).sum().backward()
print(x.grad[1, 3:])
print(gn.weight.grad)
print(gn.bias.grad)

# one group per channel, no affine, 3-D input
z = torch.randn(3, 4, 7, requires_grad=True)
out = F.group_norm(z, 4)
print(out)
out.pow(3).sum().backward()
print(z.grad)

# all channels in one group, long rows (more than one 8-wide vector), float64
w = torch.randn(2, 8, 6, 6, dtype=torch.float64, requires_grad=True)
g = torch.randn(8, dtype=torch.float64, requires_grad=True)
b = torch.randn(8, dtype=torch.float64, requires_grad=True)
o = torch.group_norm(w, 1, g, b, 1e-5)
print(o[1, 7])
(o * o.detach().cos()).sum().backward()
print(w.grad[0, 0], g.grad, b.grad)

# 16 channels in 2 groups: gamma-weighted sums over whole vectors of channels
v = torch.randn(2, 16, 3, requires_grad=True)
m = nn.GroupNorm(2, 16)
with torch.no_grad():
    m.weight.normal_()
r = m(v)
(r * torch.linspace(-1, 1, 96).reshape(2, 16, 3)).sum().backward()
print(r[1, :, 0])
print(v.grad[0, 9:])
print(m.weight.grad, m.bias.grad)

for bad in [lambda: F.group_norm(torch.randn(2, 6, 4), 4),
            lambda: F.group_norm(torch.randn(6), 3),
            lambda: F.group_norm(torch.randn(2, 6, 4), 3, torch.ones(4)),
            lambda: F.group_norm(torch.randn(1, 3, 1), 3),
            lambda: nn.GroupNorm(4, 6)]:
    try:
        bad()
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__, e)
