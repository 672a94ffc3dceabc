import torch


def chain(fn):
    names = []
    while fn is not None:
        names.append(fn.name())
        fn = fn.next_functions[0][0] if fn.next_functions else None
    return names


x = torch.arange(6.0).view(2, 1, 3).requires_grad_()
y = x * 2
print(y.squeeze_(1) is y, y.shape, y.stride(), y._version, y.grad_fn.name(), y.grad_fn._saved_dim, y.grad_fn._saved_self_sym_sizes)
print(y.t_().shape, y.stride(), y._version, y.grad_fn.name())
y.unsqueeze_(0)
print(y.shape, y.stride(), y.grad_fn.name(), y.grad_fn._saved_dim)
y.transpose_(0, 2)
print(y.shape, y.stride(), y._version, y.grad_fn.name())
y.squeeze_()
print(y.shape, y.grad_fn.name(), y.grad_fn._saved_self_sym_sizes)
print(chain(y.grad_fn))
print(y)
(y * torch.tensor([[1.0, 10.0, 100.0], [2.0, 20.0, 200.0]])).sum().backward()
print(x.grad)

z = torch.randn(3, 4, dtype=torch.float64, requires_grad=True)
w = z.exp()
w.t_()
w.unsqueeze_(-1)
w.transpose_(-1, 0)
print(w.shape, w.is_contiguous())
try:
    torch.autograd.grad(w.pow(2).sum(), z)
except RuntimeError as e:
    print(e)
u = z * 3
u.t_().unsqueeze_(-1).transpose_(-1, 0)
g, = torch.autograd.grad(u.pow(2).sum(), z)
print(u.shape, torch.allclose(g, 18 * z))

base = torch.zeros(2, 3)
view = base[0]
view.unsqueeze_(0)
print(view.shape, base.shape, view._version, base._version)
v = torch.ones(3)
print(v.t_().shape, v._version, torch.ones(2, 3).t_().stride(), torch.ones(2, 1).squeeze_(0).shape)
with torch.no_grad():
    leaf = torch.ones(2, 3, requires_grad=True)
    print(leaf.t_().shape, leaf.grad_fn)

for bad in [
    lambda: torch.ones(2, 3, requires_grad=True).t_(),
    lambda: torch.ones(2, 3, requires_grad=True).unsqueeze_(0),
    lambda: torch.ones(2, 2, 2).t_(),
    lambda: torch.ones(2, 3).transpose_(0, 2),
    lambda: torch.ones(2, 3).unsqueeze_(3),
    lambda: torch.ones(2, 3).squeeze_(-3),
]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
