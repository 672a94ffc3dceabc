import torch

torch.manual_seed(0)
index = torch.tensor([0, 1, 0, 2, 0, 1])
for reduce in ["sum", "prod", "mean", "amax", "amin"]:
    for include_self in [True, False]:
        s = torch.randn(4, requires_grad=True)
        src = torch.randn(6, requires_grad=True)
        y = s.scatter_reduce(0, index, src, reduce, include_self=include_self)
        g = torch.randn(4)
        y.backward(g)
        print(reduce, include_self, y, y.grad_fn.name())
        print(s.grad, src.grad)
node = y.grad_fn
print(node._saved_dim, node._saved_include_self, node._saved_reduce)
# 2-D along dim 1, ties for amax share the gradient, zeros in prod
s = torch.tensor([[1.0, 2.0, 0.0], [3.0, 3.0, 1.0]], requires_grad=True)
src = torch.tensor([[2.0, 0.0, 3.0, 2.0], [3.0, 5.0, 0.0, 0.0]], requires_grad=True)
idx = torch.tensor([[1, 2, 0, 1], [0, 0, 2, 2]])
for reduce in ["amax", "amin", "prod", "mean", "sum"]:
    y = torch.scatter_reduce(s, 1, idx, src, reduce=reduce)
    y.sum().backward()
    print(reduce, y, s.grad, src.grad)
    s.grad = None
    src.grad = None
# integer mean floors; in place
a = torch.arange(4)
print(a.scatter_reduce(0, torch.tensor([0, 0, 1]), torch.tensor([3, 4, 5]), "mean"))
print(a.scatter_reduce(0, torch.tensor([0, 0, 1]), torch.tensor([3, 4, 5]), "mean", include_self=False))
b = torch.zeros(3)
b.scatter_reduce_(0, torch.tensor([0, 2, 2]), torch.tensor([1.0, 2.0, 4.0]), "amax", include_self=False)
print(b)
print(torch.zeros(3).scatter_reduce(0, torch.tensor([0, 1]), torch.tensor([-1.0, 2.0]), "max"))
for bad in [lambda: torch.zeros(3).scatter_reduce(0, torch.tensor([0, 1]), torch.tensor([1.0, 2.0]), "add"),
            lambda: torch.zeros(3).scatter_reduce(0, torch.tensor([0, 1]), torch.tensor([1.0, 2.0]).double(), "sum"),
            lambda: torch.zeros(3).scatter_reduce(0, torch.tensor([0, 5]), torch.tensor([1.0, 2.0]), "sum")]:
    try:
        bad()
    except RuntimeError as err:
        print("RuntimeError", err)
