import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(5)
x = torch.randn(2, 3, 4, 5, requires_grad=True)
up = nn.Upsample(scale_factor=2, mode="bilinear")
print(up, nn.Upsample(size=(3, 4), mode="bilinear", align_corners=True))
y = up(x)
print(y.shape, y.grad_fn.name())
print(y[0, 0])
(y * torch.arange(80.0).reshape(8, 10).sin()).sum().backward()
print(x.grad[1, 2])

x.grad = None
z = F.interpolate(x, size=(7, 9), mode="bilinear", align_corners=True)
print(z[1, 1])
z.pow(2).sum().backward()
print(x.grad[0, 0])

x.grad = None
w = F.interpolate(x, scale_factor=(1.7, 0.6), mode="bilinear", align_corners=False)
print(w.shape)
print(w[0, 2])
(w * w.detach().exp()).sum().backward()
print(x.grad[1, 0])

print(F.interpolate(x, scale_factor=1.5, mode="bilinear", recompute_scale_factor=True)[0, 1])
print(F.interpolate(x, size=(1, 1), mode="bilinear", align_corners=True)[:, :, 0, 0])
print(F.interpolate(x, size=(4, 5), mode="bilinear"))
d = torch.arange(12.0, dtype=torch.float64).reshape(1, 1, 3, 4)
print(F.interpolate(d, size=(5, 3), mode="bilinear"))
print(F.interpolate(d, size=(2, 7), mode="bilinear", align_corners=True))

try:
    F.interpolate(torch.randn(1, 2, 3), scale_factor=2, mode="bilinear")
except NotImplementedError as e:
    print("NotImplementedError", e)
ub = nn.UpsamplingBilinear2d(scale_factor=2)
print(ub, ub(torch.arange(4.0).reshape(1, 1, 2, 2)))
