import torch

torch.manual_seed(0)
x = torch.randn(3, 4, requires_grad=True)
print(x.cumsum(1), torch.cumsum(x, dim=0), x.cumprod(0), torch.cumprod(x, 1))
print(x.cumsum(axis=0).grad_fn.name(), x.cumprod(1).grad_fn.name(), x.logcumsumexp(1).grad_fn.name())
print(torch.tensor([1, 2, 3]).cumsum(0), torch.tensor([True, False, True]).cumsum(0), torch.tensor([1, 2, 3]).cumprod(0))
print(torch.tensor([1, 2, 3]).cumsum(0, dtype=torch.float64), x.cumsum(1, dtype=torch.float64).dtype)
x.cumsum(1).sum().backward()
print(x.grad)
x.grad = None
(x.cumprod(1) * torch.arange(4.0)).sum().backward()
print(x.grad)
z = torch.tensor([[2.0, 0.0, 3.0, 0.0], [1.0, 2.0, 0.0, 4.0]], requires_grad=True)
z.cumprod(1).sum().backward()
print(z.grad)
x.grad = None
print(x.logcumsumexp(0))
x.logcumsumexp(0).sum().backward()
print(x.grad)
x.grad = None
print(torch.logsumexp(x, 1), x.logsumexp((0, 1)), x.logsumexp(0, keepdim=True).grad_fn.name())
x.logsumexp(1).sum().backward()
print(x.grad)
a = torch.tensor([1.0, 5.0, 3.0, float("nan")], requires_grad=True)
b = torch.tensor([3.0, 2.0, 3.0, 1.0], requires_grad=True)
print(torch.maximum(a, b), torch.minimum(a, b), torch.fmax(a, b), torch.fmin(a, b))
print(torch.max(a, b), torch.min(a, b), a.maximum(b).grad_fn.name(), torch.max(a, b).grad_fn.name())
print(torch.fmax(a, b).grad_fn.name(), torch.minimum(a, b).grad_fn.name())
(torch.maximum(a, b) * torch.tensor([1.0, 2.0, 3.0, 0.0])).sum().backward()
print(a.grad, b.grad)
a.grad = None
b.grad = None
torch.fmin(a, b).sum().backward()
print(a.grad, b.grad)
m = torch.randn(2, 3, requires_grad=True)
n = torch.randn(3, requires_grad=True)
torch.maximum(m, n).sum().backward()
print(torch.maximum(m, n), m.grad, n.grad)
print(torch.maximum(torch.tensor([1, 2]), torch.tensor([1.5, 2.5])), torch.minimum(torch.tensor([1, 7]), torch.tensor([3, 2])))
try:
    torch.maximum(torch.ones(2), torch.ones(3))
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    x.cumsum(2)
except IndexError as e:
    print("IndexError:", e)
