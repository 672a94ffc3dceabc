import torch

torch.manual_seed(0)
x = torch.randn(3, 4, requires_grad=True)
print(x.std(), x.var(), torch.std(x, unbiased=False), torch.var(x, correction=0))
print(x.std(1), x.var(0, keepdim=True), torch.std(x, dim=[0, 1]), x.var(-1, unbiased=False))
print(torch.var(x, dim=1, correction=2, keepdim=True))
print(torch.std_mean(x, dim=0, keepdim=True))
print(torch.var_mean(x, 1))
print(torch.var_mean(x))
s, m = torch.std_mean(x, 1)
print(s.grad_fn.name(), m.grad_fn.name(), s.grad_fn is m.grad_fn)
(s.sum() + 2 * m.sum()).backward()
print(x.grad)
x.grad = None
v, m = torch.var_mean(x, 0, correction=0)
(v * m).sum().backward()
print(x.grad)
x.grad = None
x.std(1).sum().backward()
print(x.grad)
x.grad = None
(x.var() * 3).backward()
print(x.grad)
y = x.std(0)
print(y.grad_fn.name(), x.var(1).grad_fn.name(), x.var(axis=1).shape)
print(torch.tensor([1.0]).std(), torch.tensor([[1.0, 2.0]]).var(0))
print(torch.tensor([1.0, 2.0]).var(correction=3))
d = torch.tensor([1.0, 2.0, 4.0], dtype=torch.float64, requires_grad=True)
print(d.std(), d.var(unbiased=False))
try:
    torch.tensor([1, 2]).std()
except NotImplementedError as e:
    print("NotImplementedError:", e)
try:
    x.std(2)
except IndexError as e:
    print("IndexError:", e)
