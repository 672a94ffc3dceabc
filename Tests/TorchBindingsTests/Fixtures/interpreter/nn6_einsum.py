import torch

a = torch.arange(6.0).reshape(2, 3).requires_grad_()
b = torch.arange(12.0).reshape(3, 4).requires_grad_()
m = torch.einsum("ij,jk->ik", a, b)
print(m.detach())
m.pow(2).sum().backward()
print(a.grad, b.grad)
A = torch.arange(24.0).reshape(2, 3, 4).requires_grad_()
B = torch.arange(40.0).reshape(2, 4, 5) / 10
B.requires_grad_()
r = torch.einsum("bij,bjk->bik", [A, B])
print(r.detach())
r.sum().backward()
print(A.grad)
print(B.grad)
u = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
v = torch.tensor([0.5, -1.0], requires_grad=True)
o = torch.einsum("i,j->ij", u, v)
print(o.detach())
(o * torch.tensor([[1.0, 2.0]])).sum().backward()
print(u.grad, v.grad)
s = torch.arange(9.0).reshape(3, 3).requires_grad_()
with torch.no_grad():
    print(torch.einsum("ii->i", s), torch.einsum("ii", s), torch.einsum("ij->ji", a), torch.einsum("ij->", a))
torch.einsum("ii", s).backward()
print(s.grad)
with torch.no_grad():
    print(torch.einsum("ij->j", a), torch.einsum("i,i->", u, u), torch.einsum("i,i", u, u))
print(torch.einsum("...ij,...jk->...ik", A, B).shape, torch.einsum("bij->bji", A).shape)
with torch.no_grad():
    print(torch.einsum("ij,kj", a, torch.ones(4, 3)), torch.einsum("b...,b...->b", A, A))
    print(torch.einsum("bi, bi -> b", a, a))
for f in [lambda: torch.einsum("ij,jk->ik", a), lambda: torch.einsum("ijk", a), lambda: torch.einsum("i->i", a, a)]:
    try:
        f()
    except RuntimeError as e:
        print("RuntimeError:", e)
