# diagonal (a view), diag_embed, diag (1-D and 2-D, offsets), trace, tril/triu with
# diagonal=, their gradients, in-place forms and errors.
import torch

x = torch.arange(12.0).reshape(3, 4).requires_grad_()
d = x.diagonal()
print(d, d.grad_fn.name(), d._base is x)
print(x.diagonal(1), x.diagonal(-1), torch.diagonal(x, offset=3), x.diagonal(5))
b = torch.arange(24.0).reshape(2, 3, 4)
print(b.diagonal(0, 1, 2), torch.diagonal(b, 1, 0, 2), b.diagonal(dim1=-1, dim2=0))
(x.diagonal(1) * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
print(x.grad)
x.grad = None
v = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
e = torch.diag(v)
print(e, e.grad_fn.name())
print(torch.diag(v, 1), torch.diag(v, -2), torch.diag_embed(torch.ones(2, 2)))
(torch.diag(v, 1) * torch.arange(16.0).reshape(4, 4)).sum().backward()
print(v.grad)
g = torch.diag(x, 1)
print(g, g.grad_fn.name(), torch.diag(x, -1))
g.sum().backward()
print(x.grad)
x.grad = None
tr = torch.trace(x)
print(tr, tr.grad_fn.name(), torch.trace(torch.arange(6).view(2, 3)))
tr.backward()
print(x.grad)
x.grad = None
lo = x.tril()
up = torch.triu(x, 1)
print(lo, lo.grad_fn.name(), up, up.grad_fn.name())
print(torch.tril(x, -1), x.triu(diagonal=-1), torch.tril(torch.ones(2, 2, 3), 1), torch.triu(torch.ones(2, 3), 5))
(lo * 2 + up * 3).sum().backward()
print(x.grad)
y = torch.ones(3, 3)
y.tril_(-1)
print(y, torch.ones(2, 4, dtype=torch.int64).triu_(1))
for bad in [lambda: torch.tril(torch.ones(3)), lambda: torch.trace(torch.ones(3)), lambda: x.diagonal(0, 1, 1),
            lambda: torch.diag(torch.ones(2, 2, 2))]:
    try:
        bad()
    except RuntimeError as err:
        print("RuntimeError:", err)
