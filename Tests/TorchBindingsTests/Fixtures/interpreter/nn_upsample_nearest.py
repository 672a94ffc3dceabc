import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

input = torch.arange(1, 5, dtype=torch.float32).view(1, 1, 2, 2)
print(input)
m = nn.Upsample(scale_factor=2, mode='nearest')
print(m)
print(m(input))
print(nn.Upsample(size=(3, 5)), nn.Upsample(scale_factor=(1.5, 2)))
print(nn.Upsample(size=(3, 5))(input))
x = torch.randn(2, 3, 5, 4, requires_grad=True)
for kw in [dict(scale_factor=1.5), dict(scale_factor=1.5, recompute_scale_factor=True), dict(size=(7, 3)),
           dict(size=9), dict(scale_factor=(0.5, 2.7))]:
    y = F.interpolate(x, **kw)
    print(kw, y.shape, y.grad_fn.name())
    print(y[1, 2])
    (y * torch.arange(y.numel(), dtype=torch.float32).view(y.shape)).sum().backward()
    print(x.grad[1, 2])
    x.grad = None
g = nn.Sequential(nn.Upsample(scale_factor=2), nn.Conv2d(3, 2, 3, padding=1))
print(g)
out = g(x)
print(out.shape, out[0, 0, :2])
for kw in [dict(), dict(size=4, scale_factor=2), dict(size=(4,)), dict(scale_factor=2, align_corners=True),
           dict(size=4, recompute_scale_factor=True)]:
    try:
        F.interpolate(x, **kw)
    except ValueError as e:
        print("ValueError:", e)
