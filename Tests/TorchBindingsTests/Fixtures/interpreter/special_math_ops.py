# trunc/fix, erf, erfc, erfinv, atan2 and fmod (Python number and tensor divisors), with
# their gradients, dtypes, in-place forms and errors.
import torch

x = torch.tensor([[-2.7, -0.3, 0.0], [0.4, 1.5, 3.9]], requires_grad=True)
for f in [torch.trunc, torch.fix, torch.erf, torch.erfc]:
    y = f(x)
    print(y, y.grad_fn.name())
    y.pow(2).sum().backward()
    print(x.grad)
    x.grad = None
u = torch.tensor([-1.0, -0.9, -0.25, 0.0, 0.3, 0.999, 1.0, 1.5], requires_grad=True)
e = torch.erfinv(u)
print(e, e.grad_fn.name())
torch.erfinv(u[1:6]).sum().backward()
print(u.grad)
print(torch.erf(torch.tensor([1, -2])), torch.erfc(torch.tensor([True, False])), torch.erfinv(torch.tensor([0.5], dtype=torch.float64)))
print(torch.trunc(torch.tensor([7, -3])), x.detach().clone().trunc_(), torch.erf_(torch.tensor([0.5])))
try:
    torch.trunc(torch.tensor([True]))
except NotImplementedError as err:
    print("NotImplementedError:", err)

a = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
b = torch.tensor([[2.0, 3.0, -1.0], [-0.5, 0.25, -4.0]], requires_grad=True)
t = torch.atan2(a, b)
print(t, t.grad_fn.name())
t.sum().backward()
print(a.grad, b.grad)
print(torch.atan2(torch.tensor([1, 2]), torch.tensor([3, 4])), a.detach().clone().atan2_(torch.tensor(2.0)))
try:
    torch.atan2(a, 2)
except TypeError as err:
    print("TypeError:", err)

p = torch.tensor([5.5, -7.25, 3.0, -0.5], requires_grad=True)
q = torch.tensor([2.0, 3.0, -2.5, 0.3], requires_grad=True)
m = torch.fmod(p, 1.5)
print(m, m.grad_fn.name())
n = p.fmod(q)
print(n, n.grad_fn.name(), p.fmod(torch.tensor(2.0)).grad_fn.name())
(m.sum() + (n * n).sum()).backward()
print(p.grad, q.grad)
print(torch.fmod(torch.tensor([5, -7]), 3), torch.fmod(torch.tensor([5, -7]), 2.5), torch.remainder(torch.tensor([5, -7]), 3))
print(p.detach().clone().fmod_(2))
try:
    torch.fmod(torch.tensor([5]), 0)
except RuntimeError as err:
    print("RuntimeError:", err)
