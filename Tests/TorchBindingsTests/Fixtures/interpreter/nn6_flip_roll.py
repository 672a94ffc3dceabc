import torch

x = torch.arange(12.0).reshape(3, 4).requires_grad_()
f = torch.flip(x, [0, 1])
print(f)
print(f.grad_fn.name())
w = torch.arange(12.0).reshape(3, 4)
(f * w).sum().backward()
print(x.grad)
x.grad = None
print(x.flip(-1))
print(torch.fliplr(x), torch.flipud(x).grad_fn)
r = torch.roll(x, 1)
print(r, r.grad_fn.name())
r2 = x.roll((1, -1), (0, 1))
print(r2)
(r2 * w).sum().backward()
print(x.grad)
print(torch.roll(x, shifts=-5, dims=1))
print(torch.roll(torch.tensor([1, 2, 3]), 2))
for f in [lambda: torch.flip(x, [0, 0]), lambda: torch.roll(x, [1, 2], [0]), lambda: torch.flip(x, [2])]:
    try:
        f()
    except (RuntimeError, IndexError) as e:
        print(type(e).__name__ + ":", e)
