import torch
import torch.nn.functional as F

torch.manual_seed(0)
for m in [3, 8, 13, 20]:
    x = torch.randn(5, m, requires_grad=True)
    for p in [0.0, 0.5, 1.0, 1.5, 2.0, 3.0, float("inf")]:
        y = F.pdist(x, p)
        g = torch.randn(y.shape)
        y.backward(g)
        print(m, p, y.grad_fn.name(), y.grad_fn._saved_p, [f"{v:.9g}" for v in y.tolist()])
        print([f"{v:.9g}" for v in x.grad.flatten().tolist()])
        x.grad = None
x = torch.randn(6, 9, dtype=torch.float64, requires_grad=True)
y = torch.pdist(x)
print(y)
y.sum().backward()
print(x.grad)
# a transposed input is made contiguous first
z = torch.randn(4, 3, requires_grad=True)
w = torch.pdist(z.t())
print(w, [type(f).__name__ if f is None else f.name() for f, _ in w.grad_fn.next_functions])
# equal rows: zero distances get zero gradients
e = torch.tensor([[1.0, 2.0], [1.0, 2.0], [0.0, 4.0]], requires_grad=True)
for p in [1.0, 0.5, 2.0, 3.0, float("inf")]:
    torch.pdist(e, p).sum().backward()
    print(p, e.grad)
    e.grad = None
print(torch.pdist(torch.randn(1, 3)), torch.pdist(torch.randn(3, 0)))
for bad in [lambda: torch.pdist(torch.randn(3)), lambda: torch.pdist(torch.ones(3, 2, dtype=torch.long)),
            lambda: torch.pdist(torch.randn(3, 2), -1.0)]:
    try:
        bad()
    except RuntimeError as err:
        print("RuntimeError", err)
