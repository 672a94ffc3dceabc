# Float32 conv2d with stride, dilation and asymmetric padding in oneDNN's order: the results
# oneDNN's direct kernels produce (its strided input gradient and dilated weight gradient run
# other oneDNN implementations, whose order is not reproduced, and are not printed).
import torch
import torch.nn.functional as F


def bits(t):
    # A weighted float64 sum of every value: a last-bit change of one float32 value changes it.
    total = 0.0
    for i, v in enumerate(t.detach().flatten().tolist()):
        total += v * (i % 7 + 1)
    return total


torch.manual_seed(1)
x = torch.rand(3, 3, 9, 9, requires_grad=True)
w = torch.randn(5, 3, 3, 3, requires_grad=True)
b = torch.randn(5, requires_grad=True)
y = F.conv2d(x, w, b, stride=2, padding=1)
y.backward(torch.randn_like(y))
print("stride 2", tuple(y.shape), bits(y), bits(x.grad), bits(w.grad), bits(b.grad))
x = torch.rand(4, 8, 16, 16, requires_grad=True)
w = torch.randn(16, 8, 4, 4, requires_grad=True)
y = F.conv2d(x, w, stride=2, padding=1)
y.backward(torch.randn_like(y))
print("stride 2, 4x4", tuple(y.shape), bits(y), bits(w.grad))
x = torch.rand(3, 5, 10, 10, requires_grad=True)
w = torch.randn(7, 5, 3, 3, requires_grad=True)
y = F.conv2d(x, w, torch.randn(7), dilation=2)
y.backward(torch.randn_like(y))
print("dilation 2", tuple(y.shape), bits(y), bits(x.grad))
x = torch.rand(2, 6, 11, 10, requires_grad=True)
w = torch.randn(4, 6, 3, 2, requires_grad=True)
y = F.conv2d(x, w, padding=(2, 1))
y.backward(torch.randn_like(y))
print("padding (2, 1)", tuple(y.shape), bits(y), bits(x.grad), bits(w.grad))
print(y[0, 0, 0].tolist())
