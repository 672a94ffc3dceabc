import torch


def chain(fn):
    names = []
    while fn is not None:
        names.append(fn.name())
        nexts = [f for f, _ in fn.next_functions if f is not None]
        fn = nexts[0] if nexts else None
    return " <- ".join(names)


torch.manual_seed(0)
x = torch.randn(4, 5, requires_grad=True)
cases = [
    dict(q=0.3), dict(q=0.3, dim=1), dict(q=0.7, dim=0), dict(q=0.25, dim=0, keepdim=True),
    dict(q=torch.tensor([0.1, 0.5, 0.9])), dict(q=torch.tensor([0.2, 0.8]), dim=1, keepdim=True),
    dict(q=torch.tensor(0.6), dim=-1), dict(q=1.0), dict(q=0.0, dim=1),
]
for kwargs in cases:
    for f in (torch.quantile, torch.nanquantile):
        y = f(x, **kwargs)
        y.backward(torch.ones_like(y))
        print(f.__name__, y, chain(y.grad_fn))
        print(x.grad)
        x.grad = None
for mode in ["linear", "lower", "higher", "midpoint", "nearest"]:
    for kwargs in [dict(q=0.4), dict(q=0.4, dim=1), dict(q=torch.tensor([0.3, 0.6]), dim=0)]:
        y = x.quantile(interpolation=mode, **kwargs)
        y.sum().backward()
        print(mode, y, chain(y.grad_fn))
        print(x.grad)
        x.grad = None
# rows shorter than 4 interpolate on a sorted copy
s = torch.tensor([[3.0, 1.0, 2.0], [0.5, -1.0, 4.0]], requires_grad=True)
y = s.quantile(0.3, dim=1)
y.sum().backward()
print(y, chain(y.grad_fn), s.grad)
# NaN: quantile gives NaN, nanquantile skips it
n = torch.tensor([[1.0, float("nan"), 3.0, 2.0, 0.0], [4.0, 1.0, 2.0, 5.0, 3.0]], dtype=torch.float64, requires_grad=True)
for f in (torch.quantile, torch.nanquantile):
    y = f(n, 0.4, dim=1)
    y.sum().backward()
    print(f.__name__, y, n.grad)
    n.grad = None
print(torch.nanquantile(torch.tensor([float("nan"), float("nan")]), 0.5))
print(torch.quantile(torch.tensor(2.5), 0.5), torch.quantile(torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0]), torch.tensor([0.0, 1.0])))
for bad in [lambda: torch.quantile(x, 1.5), lambda: torch.quantile(x, torch.tensor([0.5, 1.2])),
            lambda: torch.quantile(x, torch.tensor([[0.5]])), lambda: torch.quantile(x.double(), torch.tensor(0.5)),
            lambda: torch.quantile(torch.tensor([1, 2, 3]), 0.5), lambda: torch.quantile(torch.tensor([]), 0.5),
            lambda: torch.quantile(x, 0.5, interpolation="cubic"), lambda: torch.quantile(x, 0.5, dim=2),
            lambda: torch.nanquantile(x, -0.5)]:
    try:
        bad()
    except (RuntimeError, IndexError, ValueError) as err:
        print(type(err).__name__, err)
