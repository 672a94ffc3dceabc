import torch
from torch.autograd import grad
x = torch.tensor([1., 2.], requires_grad=True)
y = (x ** 3).sum()
g, = torch.autograd.grad(y, x, create_graph=True)
print(g)
g2, = grad(g.sum(), x)
print(g2)
a = torch.tensor(1., requires_grad=True)
b = torch.tensor(2., requires_grad=True)
c = a * b
ga, gb = torch.autograd.grad(c, [a, b])
print(ga, gb)
d = a * 3
print(grad(d, [a, b], allow_unused=True))
try:
    grad(a * 3, [a, b])
except RuntimeError as e:
    print(type(e).__name__, e)
v = torch.tensor([1., 2.], requires_grad=True)
out = v * 2
print(grad(out, v, grad_outputs=torch.tensor([1., 0.5])))
try:
    grad(out, v)
except RuntimeError as e:
    print(type(e).__name__, e)
e = (v ** 2).sum()
torch.autograd.backward(e)
print(v.grad)
f = v * 3
torch.autograd.backward([f], [torch.ones(2)])
print(v.grad)
