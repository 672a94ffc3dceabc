import torch

v = torch.tensor([1.0, float("nan"), float("inf"), -float("inf"), -2.5], requires_grad=True)
print(torch.isinf(v), v.isfinite(), torch.isposinf(v), torch.isneginf(v), torch.isnan(v))
print(torch.isinf(torch.tensor([1, 2])), torch.isfinite(torch.tensor([1, 2])))
n = torch.nan_to_num(v)
print(n)
print(n.grad_fn.name())
n.sum().backward()
print(v.grad)
print(torch.nan_to_num(v, nan=0.5, posinf=9.0, neginf=-9.0))
print(v.detach().double().nan_to_num(posinf=1e300))
w = v.detach().clone()
w.nan_to_num_(neginf=-1.0)
print(w)

a = torch.arange(6.0).reshape(2, 3).requires_grad_()
b = torch.ones(2, 3)
h = torch.hstack([a, b])
print(h, h.grad_fn.name())
print(torch.hstack((torch.tensor([1, 2]), torch.tensor([3]))))
vs = torch.vstack([a, torch.tensor([7.0, 8.0, 9.0])])
print(vs, vs.grad_fn.name())
ds = torch.dstack([a, b * 2])
print(ds.shape, ds.grad_fn.name())
(h.sum() + (vs * 2).sum() + (ds * 3).sum()).backward()
print(a.grad)
a.grad = None
bt = torch.broadcast_to(torch.tensor([1.0, 2.0, 3.0], requires_grad=True), (2, 3))
print(bt, bt.grad_fn.name())
x = torch.arange(24.0).reshape(2, 3, 4).requires_grad_()
m = torch.movedim(x, 0, -1)
print(m.shape, m.grad_fn.name(), m.is_contiguous())
print(x.movedim((0, 1), (2, 0)).shape, torch.moveaxis(x, 1, 0).shape)
s = x.swapaxes(0, 2)
print(s.shape, s.grad_fn.name(), torch.swapdims(x, 1, 2).shape)
(m * torch.arange(24.0).reshape(3, 4, 2)).sum().backward()
print(x.grad)
for f in [lambda: torch.movedim(x, (0, 1), (0,)), lambda: torch.movedim(x, (0, 0), (1, 2)),
          lambda: torch.broadcast_to(x, (3, 3, 4))]:
    try:
        f()
    except RuntimeError as e:
        print("RuntimeError:", e)
