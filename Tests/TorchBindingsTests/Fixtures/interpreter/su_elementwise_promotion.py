# Binary elementwise ops: dtype promotion with Python numbers and wrapped numbers (also in the
# backward multiply), the output layout of non-contiguous operands, and values kept by nodes.
import torch

x = torch.tensor([0.5, -1.25, 2.0], requires_grad=True)
y = x * 1.0001
z = y + 0.0001
z = z * 3
z.sum().backward()
print(z, z.dtype)
print(x.grad, x.grad.dtype)

d = torch.tensor([1.5, 2.5], dtype=torch.float64, requires_grad=True)
e = (d * 2) - 1
e.sum().backward()
print(e, d.grad)

i = torch.tensor([1, 2, 3])
print(i * 2.5, (i * 2.5).dtype)
print(i * 2, (i * 2).dtype)
print(i + True, (i + True).dtype)
b = torch.tensor([True, False])
print(b + 1, (b + 1).dtype)
print(b * 1.5, (b * 1.5).dtype)

f = torch.tensor([1.0, 2.0])
print(f * torch.tensor(3.0, dtype=torch.float64), (f * torch.tensor(3.0, dtype=torch.float64)).dtype)
print(torch.tensor(3.0, dtype=torch.float64) * f, (torch.tensor(2, dtype=torch.int64) * f).dtype)

a = torch.arange(6.0).reshape(2, 3)
t = torch.arange(6.0).reshape(3, 2).t()
s = a + t
print(s, s.stride(), s.is_contiguous())
p = t * t
print(p, p.stride())
c = t > a
print(c, c.stride())
q = t.contiguous() * a
print(q.stride())

w = torch.tensor([1.0, 2.0], requires_grad=True)
v = torch.add(w, torch.tensor([3.0, 4.0]), alpha=2)
print(v, v.grad_fn.name(), v.grad_fn._saved_alpha)
u = w.sub(1.5, alpha=3)
print(u, u.grad_fn._saved_alpha)
