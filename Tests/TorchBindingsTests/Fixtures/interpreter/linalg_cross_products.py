import torch
import warnings

torch.manual_seed(0)
a = torch.randn(4, 3, requires_grad=True)
b = torch.randn(4, 3, requires_grad=True)
c = torch.linalg.cross(a, b)
print(c, c.grad_fn.name(), c.grad_fn._saved_self.shape, c.grad_fn._saved_other.shape)
(c * torch.arange(12.).reshape(4, 3)).sum().backward()
print(a.grad, b.grad)
x = torch.randn(3, 5, dtype=torch.float64, requires_grad=True)
y = torch.randn(1, 5, dtype=torch.float64).expand(3, 5)
d = torch.linalg.cross(x, y, dim=0)
print(d)
d.pow(2).sum().backward()
print(x.grad)
p = torch.randn(1, 3, requires_grad=True)
q = torch.randn(5, 3)
e = torch.linalg.cross(p, q)
e.sum().backward()
print(e, p.grad)
print(torch.cross(torch.randn(2, 3, 3), torch.randn(2, 3, 3), dim=-1))
print(x.detach().cross(torch.ones(3, 5, dtype=torch.float64), dim=0))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(torch.cross(torch.randn(3, 2), torch.randn(3, 2)))
print(len(caught), caught[0].category.__name__ if caught else None)
for args, kwargs in [((torch.ones(3), torch.ones(2)), {}), ((torch.ones(2, 3), torch.ones(3)), {}),
                     ((torch.ones(2, 4), torch.ones(2, 4)), {}), ((torch.ones(3), torch.ones(3, dtype=torch.float64)), {}),
                     ((torch.ones(3, 2), torch.ones(3, 2)), {"dim": 1})]:
    try:
        torch.linalg.cross(*args, **kwargs)
    except RuntimeError as e:
        print(e)
try:
    torch.cross(torch.ones(2, 4), torch.ones(2, 4))
except RuntimeError as e:
    print(e)
