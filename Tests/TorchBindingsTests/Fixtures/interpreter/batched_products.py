# baddbmm, addbmm (beta, alpha, broadcast self) and outer/ger: values, gradients, grad_fn
# names and errors.
import torch

torch.manual_seed(0)
m = torch.randn(2, 3, 4, requires_grad=True)
b1 = torch.randn(2, 3, 5, requires_grad=True)
b2 = torch.randn(2, 5, 4, requires_grad=True)
out = torch.baddbmm(m, b1, b2)
print(out, out.grad_fn.name())
out.sum().backward()
print(m.grad, b1.grad, b2.grad)
for t in (m, b1, b2):
    t.grad = None
bias = torch.randn(4, requires_grad=True)
out = m.baddbmm(b1, b2, beta=0.5, alpha=-2.0) + torch.baddbmm(bias, b1, b2, alpha=3)
(out * torch.arange(24.0).view(2, 3, 4)).sum().backward()
print(out.grad_fn.name(), bias.grad, b1.grad)
m2 = torch.randn(3, 4, requires_grad=True)
s = torch.addbmm(m2, b1, b2, beta=2, alpha=0.5)
print(s, s.grad_fn.name())
(s * torch.arange(12.0).view(3, 4)).sum().backward()
print(m2.grad, b1.grad, b2.grad)
print(m2.addbmm(b1, b2).shape, torch.baddbmm(torch.ones(1), b1, b2, beta=0).sum())
v = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
w = torch.tensor([4.0, 5.0], requires_grad=True)
o = torch.outer(v, w)
print(o, o.grad_fn.name(), torch.ger(v, w).grad_fn.name(), v.outer(torch.tensor([1, 2])))
(o * torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])).sum().backward()
print(v.grad, w.grad, torch.outer(torch.tensor([1, 2]), torch.tensor([3, 4])))
for bad in [lambda: torch.outer(torch.ones(2, 2), w), lambda: torch.baddbmm(m, b1, b1), lambda: torch.baddbmm(m, m2, b2)]:
    try:
        bad()
    except RuntimeError as err:
        print("RuntimeError:", err)
