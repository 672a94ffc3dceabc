import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(3)
m = nn.Bilinear(3, 4, 5)
print(m, nn.Bilinear(2, 2, 1, bias=False))
print(m.weight[0], m.bias)
x1 = torch.randn(6, 3, requires_grad=True)
x2 = torch.randn(6, 4, requires_grad=True)
y = m(x1, x2)
print(y)
print(y.grad_fn.name(), y.grad_fn.next_functions[0][0].name(), y.grad_fn.next_functions[0][0].next_functions[0][0].name())
(y * torch.arange(30.0).reshape(6, 5).cos()).sum().backward()
print(x1.grad)
print(x2.grad)
print(m.weight.grad[2], m.bias.grad)

# batch dimensions, no bias, float64 and larger sizes (gemm paths)
a = torch.randn(2, 7, 12, dtype=torch.float64, requires_grad=True)
b = torch.randn(2, 7, 9, dtype=torch.float64, requires_grad=True)
w = torch.randn(3, 12, 9, dtype=torch.float64, requires_grad=True)
o = F.bilinear(a, b, w)
print(o.shape, o.grad_fn.name())
print(o[1])
o.pow(2).sum().backward()
print(a.grad[0, :2], b.grad[1, -1], w.grad[1, :2])

big = nn.Bilinear(20, 30, 2)
u = torch.randn(8, 20)
v = torch.randn(8, 30)
print(big(u, v))
print(torch.bilinear(u[:, :3], v[:, :4], m.weight, m.bias))

for bad in [lambda: F.bilinear(torch.randn(2, 3), torch.randn(3, 4), m.weight),
            lambda: F.bilinear(torch.randn(2, 4), torch.randn(2, 4), m.weight),
            lambda: F.bilinear(torch.randn(2, 3), torch.randn(2, 4), m.weight, torch.randn(4)),
            lambda: F.bilinear(torch.randn(2, 3), torch.randn(2, 4).double(), m.weight)]:
    try:
        bad()
    except RuntimeError as e:
        print(e)
