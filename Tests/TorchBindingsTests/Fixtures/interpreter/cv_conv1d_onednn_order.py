# Float32 conv1d in oneDNN's order (PyTorch runs it as a conv2d of height 1): forward and
# gradients, with padding, dilation and stride.
import torch
import torch.nn.functional as F


def bits(t):
    # A weighted float64 sum of every value: a last-bit change of one float32 value changes it.
    total = 0.0
    for i, v in enumerate(t.detach().flatten().tolist()):
        total += v * (i % 7 + 1)
    return total


torch.manual_seed(2)
x = torch.rand(3, 17, 30, requires_grad=True)
w = (torch.randn(33, 17, 5) * 0.2).requires_grad_()
b = torch.randn(33, requires_grad=True)
y = F.conv1d(x, w, b, padding=2, dilation=2)
y.backward(torch.randn_like(y))
print(tuple(y.shape), bits(y), bits(x.grad), bits(w.grad), bits(b.grad))
x = torch.rand(2, 4, 8, requires_grad=True)
w = torch.randn(6, 4, 3, requires_grad=True)
y = F.conv1d(x, w)
y.backward(torch.randn_like(y))
print(tuple(y.shape), bits(y), bits(x.grad), bits(w.grad))
print(y[1].tolist())
x = torch.rand(3, 4, 20, requires_grad=True)
w = torch.randn(6, 4, 3, requires_grad=True)
y = F.conv1d(x, w, stride=2, padding=1)
y.backward(torch.randn_like(y))
print(tuple(y.shape), bits(y), bits(w.grad))
