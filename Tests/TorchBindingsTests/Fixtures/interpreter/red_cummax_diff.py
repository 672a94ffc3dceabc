# cummax/cummin (ties take the later index, NaN propagates) and diff (n, dim, prepend/append,
# bools), with their gradients.
import torch

x = torch.tensor([[1.0, 3.0, 3.0, 2.0, 5.0], [4.0, float("nan"), 1.0, 6.0, float("nan")]], requires_grad=True)
v, i = torch.cummax(x, dim=1)
print(v, i)
print(torch.cummin(x, 1))
print(x.cummax(0))
print(torch.cummax(torch.tensor(2.5), 0))
torch.cummax(x, dim=1).values.sum().backward()
print(x.grad)
x.grad = None
x.cummin(1)[0].pow(2).sum().backward()
print(x.grad)
ints = torch.tensor([3, 1, 4, 1, 5, 9, 2, 6])
print(torch.cummax(ints, 0), torch.cummin(ints, 0))

a = torch.tensor([1.0, 4.0, 9.0, 16.0, 25.0], requires_grad=True)
d = torch.diff(a)
print(d, d.grad_fn.name())
print(torch.diff(a, n=2), torch.diff(a, n=7))
print(torch.diff(a, n=0))
print(torch.diff(a, prepend=torch.tensor([0.0]), append=torch.tensor([30.0, 40.0])))
(torch.diff(a, n=2) * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
print(a.grad)
m = torch.arange(12.0).reshape(3, 4) ** 2
print(m.diff(), m.diff(dim=0), m.diff(n=2, dim=-1))
print(torch.diff(torch.tensor([True, False, False, True])))
for bad in [lambda: torch.diff(torch.tensor(1.0)), lambda: torch.diff(a, n=-1)]:
    try:
        bad()
    except RuntimeError as e:
        print("RuntimeError:", e)
for bad in [lambda: torch.diff(a, prepend=torch.tensor(0.0)), lambda: torch.diff(m, dim=0, append=torch.zeros(1, 3))]:
    try:
        bad()
    except RuntimeError as e:
        print("RuntimeError:", e)
