import torch

x = torch.arange(7.0, requires_grad=True)
u = x.unfold(0, 3, 2)
print(u)
print(u.grad_fn.name(), u._base is x)
(u * torch.arange(9.0).reshape(3, 3)).sum().backward()
print(x.grad)
m = torch.arange(12.0).reshape(3, 4).requires_grad_()
w = m.unfold(1, 2, 1)
print(w.shape, w.stride())
w.sum().backward()
print(m.grad)
print(m.t().unfold(0, 2, 2))
print(torch.tensor(3.0).unfold(0, 1, 1))
for fn in [lambda: x.unfold(0, 8, 1), lambda: x.unfold(0, 2, 0)]:
    try:
        fn()
    except RuntimeError as e:
        print("RuntimeError:", e)
