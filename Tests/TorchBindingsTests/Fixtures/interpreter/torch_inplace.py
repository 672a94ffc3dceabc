import torch
x = torch.tensor([1., 2., 3.])
y = x
x += 1
print(x, y, x is y)
x *= 2
x -= 1
x /= 3
print(y)
z = torch.zeros(3)
z.add_(1)
z.mul_(3)
z.sub_(torch.ones(3))
z.div_(2)
print(z)
z.zero_()
print(z)
z.fill_(4)
print(z)
z.clamp_(max=2)
print(z)
w = torch.tensor([-1., 2.])
w.relu_()
print(w)
w.copy_(torch.tensor([9., 8.]))
print(w)
v = torch.tensor([1., 2.])
v.pow_(2)
print(v)
i = torch.tensor([1, 2])
try:
    i += 0.5
except RuntimeError as e:
    print(type(e).__name__, e)
print(i)
