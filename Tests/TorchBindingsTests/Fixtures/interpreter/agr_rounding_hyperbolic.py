import torch
torch.manual_seed(0)
x = torch.randn(40) * 3
xp = x.abs() + 0.05
for name, v in [("floor", x), ("ceil", x), ("round", x), ("frac", x), ("sinh", x / 3), ("cosh", x / 3), ("asinh", x), ("rsqrt", xp)]:
    for dt in [torch.float32, torch.float64]:
        a = v.to(dt).clone().requires_grad_()
        y = getattr(torch, name)(a)
        y.backward(torch.linspace(0.5, 1.5, 40, dtype=dt))
        print(name, dt, y.grad_fn.name(), y.tolist(), a.grad.tolist())
        print(getattr(v.to(dt)[::2], name)().tolist())
print(torch.round(torch.tensor([0.5, 1.5, 2.5, -0.5, -2.5])))
print(torch.round(x, decimals=2).tolist())
print(torch.round(x.double() * 100, decimals=-1).tolist())
a = x.clone().requires_grad_()
b = a.round(decimals=1)
print(b.grad_fn.name())
b.sum().backward()
print(a.grad[:3])
z = x.clone()
z.floor_()
print(z[:4], z._version)
print(torch.floor(torch.tensor([1, 2])), torch.ceil(torch.tensor([3])), torch.rsqrt(torch.tensor([1, 4])))
for f in [lambda: torch.frac(torch.tensor([1, 2])), lambda: torch.ceil(torch.tensor([True])), lambda: torch.round(torch.tensor([1, 2]), decimals=1)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
w = torch.tensor([0.3, 0.7], dtype=torch.float64, requires_grad=True)
g, = torch.autograd.grad(torch.sinh(w).sum(), w, create_graph=True)
print(g, torch.autograd.grad(g.sum(), w))
leaf = torch.ones(2, requires_grad=True)
try:
    leaf.floor_()
except RuntimeError as e:
    print(e)
