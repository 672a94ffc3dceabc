import torch
import torch.nn.functional as F

x = torch.arange(8.0).view(1, 2, 2, 2).requires_grad_()
y = F.upsample(x, scale_factor=2)
print(y, y.grad_fn.name())
y2 = F.upsample(x, size=(3, 3), mode="bilinear", align_corners=False)
print(y2)
y3 = F.upsample_nearest(x, size=3)
print(y3)
y4 = F.upsample_bilinear(x, scale_factor=2)
print(y4, y4.grad_fn.name())
(y.sum() + y2.sum() + y3.sum() + y4.sum()).backward()
print(x.grad)
print(F.upsample(torch.arange(3.0).view(1, 1, 3), scale_factor=2, mode="linear"))
