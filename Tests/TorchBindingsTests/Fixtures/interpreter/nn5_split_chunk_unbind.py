import torch

x = torch.arange(12.).reshape(3, 4).requires_grad_()
a, b = x.split(3, dim=1)
print(a, b)
print(a.grad_fn.name(), a.grad_fn is b.grad_fn, a.output_nr, b.output_nr, b._base is x)
(a.sum() * 2 + (b ** 2).sum()).backward()
print(x.grad)
print(torch.split(x, [1, 2]), torch.split(x, 2))
print(x.chunk(3, dim=1), torch.chunk(torch.arange(5), 2))
rows = x.unbind()
print(rows, rows[0].grad_fn.name(), torch.unbind(x, dim=1)[2])
x.grad = None
rows[2].sum().backward()
print(x.grad)
h, c = torch.randn(2, 6).chunk(2, 1) if False else torch.arange(12.).view(2, 6).chunk(2, 1)
print(h, c)
y = torch.ones(4)
p, q = y.split(2)
p.add_(1)
print(y, y._version, q._version)
g, = torch.autograd.grad(torch.cat(x.unbind(1)[::-1]).pow(2).sum(), x, create_graph=True)
print(g.grad_fn.name())
for call in [lambda: x.split(-1), lambda: x.split([1, 1]), lambda: x.chunk(0), lambda: torch.tensor(1.).unbind()]:
    try:
        call()
    except (RuntimeError, IndexError) as e:
        print(type(e).__name__, e)
