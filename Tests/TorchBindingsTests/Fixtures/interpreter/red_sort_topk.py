import torch

torch.manual_seed(0)
x = torch.randn(3, 5, requires_grad=True)
values, indices = torch.sort(x)
print(values, indices)
print(x.sort(0, descending=True))
print(torch.sort(x, dim=1, stable=True, descending=True).indices)
print(x.argsort(), torch.argsort(x, dim=0, descending=True))
t = torch.tensor([0, 1] * 10)
print(t.sort())
print(t.sort(stable=True))
print(t.sort(descending=True).indices)
f = torch.tensor([3.0, 1, 3, 2, 1, 3, float("nan"), 1, 2, 2, 3, 1, 1, 2, 3, 3, 1, 2, 0])
print(f.sort(), f.sort(descending=True))
print(f.topk(3), f.topk(4, largest=False), f.topk(5, sorted=False))
print(torch.arange(100.0).remainder(7).topk(3))
print(torch.tensor([1.0, 1, 1, 1, 2, 2, 2]).topk(4))
print(x.topk(2))
print(torch.topk(x, 2, dim=0, largest=False))
r = x.topk(2)
print(type(r).__name__, r.values.grad_fn.name(), r[1].dtype)
r.values.sum().backward()
print(x.grad)
x.grad = None
(values * torch.arange(5.0)).sum().backward()
print(x.grad)
x.grad = None
print(torch.kthvalue(x, 2), x.kthvalue(1, 0, True))
x.kthvalue(3)[0].sum().backward()
print(x.grad)
x.grad = None
print(x.median(), x.median(1), torch.median(x, 0, keepdim=True))
print(torch.tensor([1.0, 2, 2, 3, 1, 2, 2, 1]).median(0), torch.tensor([1.0, 2, 2, 3, 1, 2, 2, 1]).kthvalue(3))
x.median().backward()
print(x.grad)
x.grad = None
x.median(0).values.sum().backward()
print(x.grad)
print(x.msort().grad_fn.name(), torch.msort(torch.tensor([[3, 1], [2, 5]])))
print(torch.tensor(3.0).sort(), torch.tensor([2, 1]).sort())
try:
    x.sort(2)
except IndexError as e:
    print("IndexError:", e)
try:
    x.topk(6)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    x.kthvalue(7)
except RuntimeError as e:
    print("RuntimeError:", e)
