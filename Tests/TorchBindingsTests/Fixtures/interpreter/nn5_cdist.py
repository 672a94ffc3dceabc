import torch

torch.manual_seed(0)
a = torch.randn(3, 4, requires_grad=True)
b = torch.randn(5, 4, requires_grad=True)
d = torch.cdist(a, b)
print(d)
d.sum().backward()
print(a.grad, b.grad)
for p in [0.0, 1.0, 1.5, 3.0, float('inf')]:
    print(p, torch.cdist(a, b, p=p))
big = torch.randn(30, 4, requires_grad=True)
e = torch.cdist(big, b)
print(e.grad_fn.name(), e.grad_fn.next_functions[0][0].name())
print(e[:3])
(e * e).sum().backward()
print(big.grad[:2], b.grad)
m = torch.cdist(a, b, compute_mode='use_mm_for_euclid_dist')
print(m.grad_fn.name(), m)
print(torch.cdist(big, b, compute_mode='donot_use_mm_for_euclid_dist').grad_fn.name())
wide = torch.randn(2, 19, dtype=torch.float64, requires_grad=True)
print(torch.cdist(wide, wide.detach() * 0.5, p=1))
print(torch.cdist(torch.randn(2, 3, 9), torch.randn(2, 2, 9)))
a3 = torch.randn(2, 30, 4, requires_grad=True)
f = torch.cdist(a3, b)
print(f.shape, f.grad_fn.name(), [n.name() for n, _ in f.grad_fn.next_functions[0][0].next_functions])
f.mean().backward()
print(b.grad)
x = torch.tensor([[0., 0.], [1., 1.]], requires_grad=True)
y = torch.tensor([[0., 0.]], requires_grad=True)
z = torch.cdist(x, y)
z.sum().backward()
print(z, x.grad, y.grad)
g, = torch.autograd.grad(torch.cdist(big, b).sum(), big, create_graph=True)
print(g.grad_fn.name())
for args in [(a, b[:, :3]), (a[0], b), (torch.arange(4).view(2, 2), torch.arange(4).view(2, 2))]:
    try:
        torch.cdist(*args)
    except RuntimeError as err:
        print(err)
for kwargs in [dict(p=-1.0), dict(compute_mode='fast')]:
    try:
        torch.cdist(a, b, **kwargs)
    except (RuntimeError, ValueError) as err:
        print(type(err).__name__, err)
