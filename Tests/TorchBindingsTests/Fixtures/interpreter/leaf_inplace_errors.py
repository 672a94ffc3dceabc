import torch
x = torch.ones(2, requires_grad=True)
y = x.sigmoid()
z = y * 2
y.mul_(2)
try:
    z.sum().backward()
except RuntimeError as e:
    print(type(e).__name__, str(e)[:80])
a = torch.ones(2, requires_grad=True)
b = a.exp()
b.add_(1)
try:
    b.sum().backward()
except RuntimeError as e:
    print(type(e).__name__, str(e)[:80])
print(a.grad)
try:
    x.mul_(2)
except RuntimeError as e:
    print(type(e).__name__, e)
with torch.no_grad():
    x.mul_(2)
print(x)
