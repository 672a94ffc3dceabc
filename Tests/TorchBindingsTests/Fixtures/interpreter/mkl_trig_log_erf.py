import torch
torch.manual_seed(0)
x = torch.randn(40)
xp = x.abs() + 0.05
xu = torch.rand(40) * 1.8 - 0.9
for name, v in [("tan", x), ("asin", xu), ("acos", xu), ("atan", x * 4), ("log2", xp), ("log10", xp), ("erf", x), ("erfc", x), ("erfinv", xu)]:
    for dt in [torch.float32, torch.float64]:
        a = v.to(dt).clone().requires_grad_()
        y = getattr(torch, name)(a)
        y.backward(torch.linspace(0.5, 1.5, 40, dtype=dt))
        print(name, dt, y.grad_fn.name(), y.tolist(), a.grad.tolist())
        print(getattr(v.to(dt)[::2], name)().tolist())
print(torch.log2(torch.tensor([1, 8, 1024])), torch.log10(torch.tensor([True, False])))
w = torch.tensor([0.3, -0.6], dtype=torch.float64, requires_grad=True)
g, = torch.autograd.grad(torch.asin(w).sum() + torch.acos(w).sum() * 2, w, create_graph=True)
print(g, torch.autograd.grad(g.sum(), w))
