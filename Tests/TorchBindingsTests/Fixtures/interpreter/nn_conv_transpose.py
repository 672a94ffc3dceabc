import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

# ConvTranspose2d: reprs, parameter shapes and init order, forward, backward
for m in [nn.ConvTranspose2d(16, 33, 3, stride=2), nn.ConvTranspose2d(16, 33, (3, 5), stride=(2, 1), padding=(4, 2)),
          nn.ConvTranspose2d(4, 6, 4, 2, 1, bias=False), nn.ConvTranspose2d(4, 6, 3, output_padding=1, stride=2, groups=2, dilation=2)]:
    print(m, m.weight.shape, None if m.bias is None else m.bias.shape)
m = nn.ConvTranspose2d(3, 4, 3, stride=2, padding=1)
print(m.weight[0, 0], m.bias)
x = torch.randn(2, 3, 4, 5, requires_grad=True)
y = m(x)
print(y.shape, y.grad_fn.name())
print(y[1, 2])
y.pow(2).sum().backward()
print(x.grad[0, 1])
print(m.weight.grad[1, 2], m.bias.grad)

# output_size picks the output padding
input = torch.randn(1, 16, 12, 12)
downsample = nn.Conv2d(16, 16, 3, stride=2, padding=1)
upsample = nn.ConvTranspose2d(16, 16, 3, stride=2, padding=1)
h = downsample(input)
print(h.size())
output = upsample(h, output_size=input.size())
print(output.size())
print(upsample(h).size())
try:
    upsample(h, output_size=(20, 20))
except ValueError as e:
    print("ValueError:", e)

# F.conv_transpose2d with groups, dilation, unbatched input, float64
w = torch.randn(4, 2, 2, 3, dtype=torch.float64, requires_grad=True)
inp = torch.randn(4, 3, 3, dtype=torch.float64, requires_grad=True)
b = torch.randn(4, dtype=torch.float64, requires_grad=True)
out = F.conv_transpose2d(inp, w, b, stride=(1, 2), padding=(0, 1), output_padding=(0, 1), groups=2, dilation=(2, 1))
print(out.shape)
print(out[3])
out.sum().backward()
print(inp.grad[2], w.grad[3, 1], b.grad)
print(torch.conv_transpose2d(inp.detach(), w.detach(), None, 2)[0, 0])
try:
    F.conv_transpose2d(torch.randn(1, 3, 4, 4), torch.randn(4, 2, 3, 3))
except RuntimeError as e:
    print("RuntimeError:", e)

# a DCGAN-style generator step
g = nn.Sequential(nn.ConvTranspose2d(8, 6, 4, 1, 0, bias=False), nn.BatchNorm2d(6), nn.ReLU(True),
                  nn.ConvTranspose2d(6, 3, 4, 2, 1, bias=False), nn.Tanh())
print(g)
z = torch.randn(2, 8, 1, 1)
img = g(z)
print(img.shape)
print(img[0, 0])
img.mean().backward()
print(g[0].weight.grad[0, 0])
