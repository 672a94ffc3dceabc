import torch

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

torch.manual_seed(1)
a = torch.randn(2, 3, requires_grad=True)
b = torch.randn(2, 3, requires_grad=True)
w = torch.rand(3, requires_grad=True)
l0 = torch.lerp(a, b, 0.3)
l1 = a.lerp(b, 0.75)
l2 = torch.lerp(a, b, w)
print(l0, l1, l2, sep="\n")
print(l0.grad_fn.name(), l2.grad_fn.name())
(l0.sum() + (l1 * l1).sum() + (l2 * torch.arange(6.).reshape(2, 3)).sum()).backward()
print(a.grad, b.grad, w.grad, sep="\n")

a.grad = None
b.grad = None
t1 = torch.randn(2, 3, requires_grad=True)
t2 = torch.randn(3, requires_grad=True)
m = torch.addcmul(a, t1, t2, value=0.5)
d = a.addcdiv(t1, t2.abs() + 1, value=-2)
print(m, d, sep="\n")
print(m.grad_fn.name(), d.grad_fn.name())
(m.sum() + (d * d).sum()).backward()
print(a.grad, t1.grad, t2.grad, sep="\n")

x = torch.ones(2, 3)
x.lerp_(torch.zeros(2, 3), 0.25)
print(x, x._version)
x.addcmul_(torch.full((2, 3), 2.), torch.full((3,), 3.))
print(x, x._version)
x.addcdiv_(torch.full((2, 3), 2.), torch.full((2, 3), 4.), value=10)
print(x, x._version)
x.lerp_(torch.full((2, 3), 5.), torch.tensor([0., 0.5, 1.]))
print(x, x._version)
print(torch.addcmul(torch.zeros(2), torch.tensor([1, 2]), torch.tensor([3, 4]), value=2))

p = torch.randn(3).requires_grad_()
q = p * 1
q.addcmul_(torch.full((3,), 2.), p)
print(q.grad_fn.name(), q._version)
q.sum().backward()
print(p.grad)

attempt(lambda: torch.lerp(torch.ones(2), torch.ones(2, dtype=torch.float64), 0.5))
attempt(lambda: torch.ones(2).addcdiv(torch.tensor([1, 2]), torch.tensor([3, 4])))
attempt(lambda: torch.ones(3).lerp_(torch.ones(2, 3), 0.5))
