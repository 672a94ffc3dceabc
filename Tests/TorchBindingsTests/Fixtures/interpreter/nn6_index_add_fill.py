import torch

x = torch.arange(12.0).reshape(3, 4).requires_grad_()
f = x.index_fill(1, torch.tensor([0, 2]), -1.0)
print(f)
print(f.grad_fn.name())
(f * torch.arange(12.0).reshape(3, 4)).sum().backward()
print(x.grad)
x.grad = None
src = torch.tensor([[1.0, 2.0, 3.0, 4.0], [10.0, 20.0, 30.0, 40.0]], requires_grad=True)
a = torch.index_add(x, 0, torch.tensor([2, 2]), src, alpha=0.5)
print(a)
print(a.grad_fn.name())
(a * torch.arange(12.0).reshape(3, 4)).sum().backward()
print(x.grad, src.grad)
y = torch.zeros(2, 3, dtype=torch.long)
y.index_add_(1, torch.tensor([0, 0, 2]), torch.ones(2, 3, dtype=torch.long))
print(y)
z = x.detach().clone()
z.index_fill_(0, torch.tensor([-1]), 7)
print(z)
w = x * 1
w.index_add_(1, torch.tensor([3]), torch.ones(3, 1))
print(w.grad_fn.name())
print(torch.index_fill(torch.arange(4), 0, torch.tensor([1, 3]), 9))
for fn in [lambda: x.index_fill(0, torch.tensor([5]), 1.0), lambda: x.index_add(0, torch.tensor([5]), torch.ones(1, 4)),
           lambda: x.index_add(0, torch.tensor([0, 1]), torch.ones(3, 4)), lambda: x.index_fill(0, torch.tensor([0.0]), 2.0), lambda: x.index_add(1, torch.tensor([-1]), torch.ones(3, 1))]:
    try:
        fn()
    except (RuntimeError, IndexError) as e:
        print(type(e).__name__ + ":", e)
