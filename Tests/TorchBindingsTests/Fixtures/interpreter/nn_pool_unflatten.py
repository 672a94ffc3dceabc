import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

# AdaptiveAvgPool2d: module repr, shapes, grad_fn (a 1x1 output is a mean)
for size in [(5, 7), 7, (1, 1), 1]:
    m = nn.AdaptiveAvgPool2d(size)
    print(m)
x = torch.randn(1, 3, 8, 9, requires_grad=True)
y = nn.AdaptiveAvgPool2d((5, 7))(x)
print(y.shape, y.grad_fn.name())
g = nn.AdaptiveAvgPool2d((1, 1))(x)
print(g.shape, g.grad_fn.name())
print(g)
(y.sum() + g.sum() * 2).backward()
print(x.grad[0, 0])
print(F.adaptive_avg_pool2d(x, 1).grad_fn.name(), F.adaptive_avg_pool2d(x[0], 1).shape)
z = torch.arange(24.).reshape(2, 3, 4)
print(F.adaptive_avg_pool2d(z, (2, 3)))
print(F.adaptive_avg_pool2d(z, 1))

# Unflatten / Tensor.unflatten
u = nn.Unflatten(1, (2, 5, 5))
print(u)
inp = torch.randn(2, 50, requires_grad=True)
out = u(inp)
print(out.size(), out.grad_fn.name())
print(nn.Unflatten(1, [2, -1])(inp).shape)
print(nn.Sequential(nn.Linear(10, 50), nn.Unflatten(1, (2, 5, 5))))
t = torch.arange(12.).reshape(3, 4)
print(t.unflatten(1, (2, 2)))
print(torch.unflatten(t, 0, (-1, 1)).shape)
print(t.unflatten(-1, (2, -1)).shape)
for bad in [(3, 3), ()]:
    try:
        t.unflatten(1, bad)
    except RuntimeError as e:
        print("RuntimeError:", e)
try:
    nn.Unflatten(1, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    nn.Unflatten(1, (2, 2.5))
except TypeError as e:
    print("TypeError:", e)
