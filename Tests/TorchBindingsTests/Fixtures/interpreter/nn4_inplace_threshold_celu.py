import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(2)
a = torch.randn(6, requires_grad=True)
b = a * 2
r = F.threshold(b, 0.1, 20.0, inplace=True)
print(r is b, b, b.grad_fn.name())
b.sum().backward()
print(a.grad)

m = nn.Threshold(-0.5, -3.0, inplace=True)
print(m)
c = torch.randn(2, 3, requires_grad=True)
d = c + 0
print(m(d), d._version)
d.mul(d).sum().backward()
print(c.grad)

e = torch.randn(5, requires_grad=True)
f = e.mul(1.5)
F.celu(f, 0.7, inplace=True)
print(f, f.grad_fn.name())
f.sum().backward()
print(e.grad)

cm = nn.CELU(inplace=True)
print(cm, nn.CELU(2.0))
g = torch.randn(4, dtype=torch.float64, requires_grad=True)
h = g - 0.2
cm(h)
h.exp().sum().backward()
print(h, g.grad)

print(F.threshold(torch.tensor([0.0, 1.0, -1.0]), 0.5, 7.0))
print(F.celu(torch.tensor([-1.0, 2.0]), alpha=2.0, inplace=False))
try:
    F.threshold(torch.randn(3), 0.5)
except TypeError as err:
    print(err)
try:
    w = torch.randn(3, requires_grad=True)
    F.threshold(w, 0.5, 1.0, inplace=True)
except RuntimeError as err:
    print(err)
x = torch.randn(3, requires_grad=True)
y = x.sigmoid()
F.celu(y, inplace=True)
try:
    y.sum().backward()
except RuntimeError as err:
    print(err)
