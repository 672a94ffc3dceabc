# torch.xlogy (and special.xlogy, Tensor.xlogy, xlogy_), logaddexp, logaddexp2 and hypot: bits of
# vector blocks and tails (40 float32, 20 float64 values), broadcast rows, strided inputs,
# gradients with grad_fn names, dtype promotion and PyTorch's errors.
import torch

torch.manual_seed(0)
a = torch.randn(40) * 3
b = torch.randn(40) * 3
ad, bd = a[:20].double(), b[:20].double()
for f in [torch.logaddexp, torch.logaddexp2, torch.hypot]:
    print(f.__name__, f(a, b).tolist())
    print(f.__name__, f(ad, bd).tolist())
    print(f.__name__, f(a.view(4, 10), b[:10]).tolist()[1])
    print(f.__name__, f(a.view(10, 4).t(), b.view(10, 4).t()).tolist()[0])
    print(f.__name__, f(a[::2], b[:20]).tolist()[:5])
    print(f.__name__, f(a, torch.tensor(1.5)).tolist()[30:])
p = torch.rand(40) * 4
print(torch.xlogy(a, p).tolist())
print(torch.xlogy(ad, p[:20].double()).tolist())
print(torch.xlogy(torch.tensor([0.0, 0.0, 2.0, 1.0, 0.0]), torch.tensor([0.0, float("nan"), 0.0, -1.0, float("inf")])))
print(torch.xlogy(torch.tensor([1, 0, 2]), torch.tensor([3, 4, 0])), torch.xlogy(2, torch.tensor([1.5, 2.5])))
print(torch.xlogy(torch.tensor([1.0, 2.0]), 3), torch.xlogy(torch.tensor([1, 2]), 3.5), torch.special.xlogy(a[:3], p[:3]))
print(torch.logaddexp(torch.tensor([float("inf"), float("-inf"), 1.0, float("nan")]), torch.tensor([float("inf"), float("-inf"), float("-inf"), 1.0])))
print(torch.logaddexp2(torch.tensor([float("-inf"), 3.0]), torch.tensor([float("-inf"), 3.0])), torch.hypot(torch.tensor([3.0, float("inf")]), torch.tensor([4.0, float("nan")])))
print(torch.logaddexp(a[:2], bd[:2]).dtype, torch.hypot(a[:2].double(), b[:2]).dtype, torch.xlogy(a[:2], p[:2].double()).dtype)

x = torch.tensor([[0.5, 0.0, 2.0], [1.5, 0.0, -1.0]], requires_grad=True)
y = torch.tensor([0.7, 0.0, 3.0], requires_grad=True)
for name, out in [("xlogy", torch.xlogy(x, y)), ("method", x.xlogy(y)), ("scalar_self", torch.xlogy(2.0, y)), ("scalar_other", x.xlogy(-2)), ("scalar_other_pos", torch.xlogy(x, 2))]:
    print(name, out, out.grad_fn.name())
    gx, = torch.autograd.grad(out.sum(), [x if name != "scalar_self" else y])
    print(gx)
u = torch.tensor([[0.3, -1.2, 2.0], [4.0, 0.5, -0.25]], requires_grad=True)
v = torch.tensor([1.1, -0.7, 2.0], requires_grad=True)
for f in [torch.logaddexp, torch.logaddexp2, torch.hypot]:
    out = f(u, v)
    print(out, out.grad_fn.name(), [type(n[0]).__name__ for n in out.grad_fn.next_functions])
    out.backward(torch.tensor([[1.0, 2.0, -1.0], [0.5, 1.0, 3.0]]))
    print(u.grad, v.grad)
    u.grad = None
    v.grad = None
w = u.detach().clone()
print(w.hypot_(v.detach()), w.xlogy_(torch.tensor(2.0)), w.xlogy_(3))
z = u * 1
z.hypot_(v)
print(z.grad_fn.name())
z.sum().backward()
print(u.grad)
for bad in [lambda: torch.logaddexp(torch.tensor([1, 2]), torch.tensor([3, 4])),
            lambda: torch.hypot(torch.tensor([3]), torch.tensor([4])),
            lambda: torch.logaddexp2(torch.tensor([True]), torch.tensor([False])),
            lambda: torch.logaddexp(u, 2),
            lambda: torch.hypot(u, 1.5),
            lambda: torch.tensor([1, 2]).xlogy_(torch.tensor([1.0, 2.0])),
            lambda: torch.logaddexp(torch.ones(2), torch.ones(3))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
