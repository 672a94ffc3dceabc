import torch
def show(t):
    print(t.grad_fn.name() if t.grad_fn else None, t.requires_grad, t.is_leaf)
x = torch.tensor([1., 2.], requires_grad=True)
show(x * 2)
show(x.detach())
with torch.no_grad():
    show(x * 2)
show(x.sum())
l = [x * i for i in range(3)]
print(len(l), l[2])
s = sum(l)
print(s)
s.sum().backward()
print(x.grad)
def loss_fn(pred, target):
    return ((pred - target) ** 2).mean()
print(loss_fn(x, torch.zeros(2)))
print(torch.stack(l).shape)
print([t.grad_fn.name() for t in l])
print(x.grad.data, x.grad.requires_grad, x.grad.is_leaf)
print(x.is_leaf and x.requires_grad)
