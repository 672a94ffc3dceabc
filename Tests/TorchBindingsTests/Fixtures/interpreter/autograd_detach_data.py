import torch
x = torch.tensor([1., 2.], requires_grad=True)
d = x.detach()
print(d, d.requires_grad, d.is_leaf, d.grad_fn)
d[0] = 10.
print(x)
y = x.data
print(y.requires_grad)
y.mul_(2)
print(x)
z = x.clone()
print(z, z.grad_fn.name())
x.requires_grad_(False)
print(x.requires_grad)
x.requires_grad = True
print(x.requires_grad)
n = (x * 2)
try:
    n.requires_grad = False
except RuntimeError as e:
    print(type(e).__name__, e)
i = torch.tensor([1, 2])
try:
    i.requires_grad = True
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.tensor([1, 2], requires_grad=True)
except RuntimeError as e:
    print(type(e).__name__, e)
v = torch.ones(2)
v.requires_grad_()
print(v.requires_grad, v.is_leaf)
u = x.detach().requires_grad_()
print(u.requires_grad, u.is_leaf)
