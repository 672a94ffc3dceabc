# source: pytorch/pytorch torch/nn/modules/upsampling.py and torch/nn/functional.py (docstring examples of Upsample, UpsamplingNearest2d, UpsamplingBilinear2d and interpolate; results printed; a seeded feature map and its gradient added)
import torch
import torch.nn as nn
import torch.nn.functional as F

input = torch.arange(1, 5, dtype=torch.float32).view(1, 1, 2, 2)
print(input)

m = nn.Upsample(scale_factor=2, mode='nearest')
print(m(input))

m = nn.Upsample(scale_factor=2, mode='bilinear')  # align_corners=False
print(m(input))

m = nn.Upsample(scale_factor=2, mode='bilinear', align_corners=True)
print(m(input))

# Try scaling the same data in a larger tensor
input_3x3 = torch.zeros(3, 3).view(1, 1, 3, 3)
print(input_3x3[:, :, :2, :2].copy_(input))
print(input_3x3)

m = nn.Upsample(scale_factor=2, mode='bilinear')  # align_corners=False
# Notice that values in top left corner are the same as the small input (except at boundary)
print(m(input_3x3))

m = nn.Upsample(scale_factor=2, mode='bilinear', align_corners=True)
# Notice that values in top left corner are now changed
print(m(input_3x3))

m = nn.UpsamplingNearest2d(scale_factor=2)
print(m, m(input))

m = nn.UpsamplingBilinear2d(scale_factor=2)
print(m, m(input))

# F.interpolate on a feature map, as a decoder upsamples before a convolution
torch.manual_seed(0)
features = torch.randn(2, 4, 5, 5, requires_grad=True)
conv = nn.Conv2d(4, 2, 3, padding=1)
up = F.interpolate(features, size=(9, 9), mode='bilinear', align_corners=False)
out = conv(up)
print(up.shape, out.shape, up.grad_fn)
out.square().mean().backward()
print(features.grad[0, 0])
print(F.interpolate(features, scale_factor=0.5, mode='bilinear', align_corners=True)[1, 3])
