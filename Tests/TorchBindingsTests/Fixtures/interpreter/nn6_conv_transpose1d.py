# nn.ConvTranspose1d / F.conv_transpose1d: stride, padding, output_padding, groups, dilation,
# output_size, unbatched input, gradients, and the shape errors.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
up = nn.ConvTranspose1d(4, 2, 3, stride=2, padding=1, output_padding=1)
print(up, up.weight.shape)
x = torch.randn(2, 4, 5, requires_grad=True)
y = up(x)
print(y, y.grad_fn)
y.pow(2).sum().backward()
print(x.grad, up.weight.grad, up.bias.grad)
print(up(x, output_size=[9]).shape, up(x[0]).shape)
g = nn.ConvTranspose1d(4, 6, 2, groups=2, dilation=2, bias=False)
print(g(x).shape, F.conv_transpose1d(x, g.weight, groups=2, dilation=2).sum())
w = torch.randn(4, 3, 3, requires_grad=True)
z = F.conv_transpose1d(x, w, torch.ones(3), stride=3)
print(z.shape, torch.conv_transpose1d(x, w, stride=3).sum())
decoder = nn.Sequential(nn.ConvTranspose1d(4, 8, 4, stride=2, padding=1), nn.ReLU(), nn.ConvTranspose1d(8, 1, 4, stride=2, padding=1))
out = decoder(x.detach())
print(out.shape, out.mean())
for bad in [
    lambda: F.conv_transpose1d(torch.randn(2, 3, 5), w),
    lambda: F.conv_transpose1d(torch.randn(2, 3, 4, 5), w),
    lambda: F.conv_transpose1d(x, w, torch.ones(2)),
    lambda: F.conv_transpose1d(x, w, stride=2, output_padding=2),
    lambda: up(x, output_size=[20]),
]:
    try:
        bad()
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    F.conv_transpose2d(torch.randn(1, 4, 3, 3), torch.randn(4, 2, 3, 3), stride=(2, 1), output_padding=(2, 0))
except RuntimeError as e:
    print(e)
