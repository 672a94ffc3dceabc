import torch
x = torch.tensor([1., 2.], requires_grad=True)
seen = []
def hook(g):
    seen.append(g.tolist())
    return g * 10
h = x.register_hook(hook)
(x * 2).sum().backward()
print(x.grad, seen)
h.remove()
x.grad = None
(x * 2).sum().backward()
print(x.grad, seen)
y = x * 3
y.register_hook(lambda g: print("hook on y", g))
y.sum().backward()
print(x.grad)
z = x * 1
z.retain_grad()
print(z.retains_grad)
w = z * z
w.sum().backward()
print(z.grad)
q = x * 5
q.sum().backward()
print(q.grad, q.is_leaf)
