import torch
x = torch.tensor(3., requires_grad=True)
y = x ** 2
g, = torch.autograd.grad(y, x, create_graph=True)
print(g, g.grad_fn.name())
g2, = torch.autograd.grad(g, x)
print(g2)
print(torch.autograd.grad(x * 2, x, retain_graph=True))
z = x * x
z.backward(create_graph=True)
print(x.grad, x.grad.grad_fn)
x.grad = None
try:
    x.grad = torch.ones(2)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    x.grad = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    x.shape = (1,)
except AttributeError as e:
    print(type(e).__name__, e)
w = torch.ones(2, 2, requires_grad=True)
def f(w):
    return (w * w).sum()
for i in range(2):
    loss = f(w)
    loss.backward()
print(w.grad)
del w.grad
print(w.grad)
