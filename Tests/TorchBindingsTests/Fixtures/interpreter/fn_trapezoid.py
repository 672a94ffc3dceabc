import torch

y = torch.tensor([[1.0, 5.0, 10.0], [2.0, -1.0, 3.5]], requires_grad=True)
x = torch.tensor([1.0, 3.0, 6.0])
for f in (torch.trapezoid, torch.trapz, torch.cumulative_trapezoid):
    for kwargs in [dict(), dict(dx=2), dict(dx=0.5, dim=0), dict(dim=0)]:
        r = f(y, **kwargs)
        r.sum().backward()
        print(f.__name__, kwargs, r, y.grad)
        y.grad = None
    r = f(y, x)
    r.sum().backward()
    print(f.__name__, "x", r, r.grad_fn.name(), r.grad_fn.next_functions[0][0].name(), y.grad)
    y.grad = None
    r = f(y, torch.tensor([[0.0, 1.0, 3.0], [1.0, 1.5, 2.0]]), dim=1)
    print(r)
    r = f(y, torch.tensor([[0.0, 1.0, 3.0]]))
    print(r)
print(torch.trapezoid(torch.tensor([1, 2, 4])), torch.trapz(torch.tensor([1, 2, 4]), dx=2))
print(torch.cumulative_trapezoid(torch.tensor([1, 2, 4]), dx=3), torch.trapezoid(torch.zeros(2, 0)))
print(torch.trapezoid(torch.tensor([1.0, 2.0], dtype=torch.float64), torch.tensor([0, 2])))
for bad in [lambda: torch.trapezoid(y, torch.tensor([1.0, 2.0])), lambda: torch.trapezoid(torch.tensor([True, False])),
            lambda: torch.cumulative_trapezoid(y, torch.tensor([1.0, 2.0]))]:
    try:
        bad()
    except RuntimeError as err:
        print("RuntimeError", err)
