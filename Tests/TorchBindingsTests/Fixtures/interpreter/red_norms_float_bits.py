# Vector norms computed as PyTorch's CPU kernel does: float32 accumulates in float32 (eight
# lanes for a unit-stride 2-norm, a fused tail), float64 in four lanes; 1-norms one by one.
import torch
import torch.nn.functional as F

torch.manual_seed(0)
for n in [5, 8, 9, 15, 16, 17, 18, 33, 64, 100, 257]:
    x = torch.randn(n)
    print(n, repr(x.norm().item()), repr(x.norm(p=1).item()), repr(torch.linalg.vector_norm(x).item()))
    d = x.double()
    print(n, repr(d.norm().item()), repr(d.norm(p=1).item()))

m = torch.randn(6, 37)
print([repr(v) for v in m.norm(dim=1).tolist()])
print([repr(v) for v in m.norm(dim=0).tolist()])
print([repr(v) for v in m.t().norm(dim=0).tolist()])
print([repr(v) for v in m.norm(p=1, dim=1).tolist()])
print(repr(m.t().norm().item()), repr(m.norm().item()))
c = torch.randn(3, 5, 11)
print([repr(v) for v in c.norm(dim=(1, 2)).tolist()])
print([repr(v) for v in c.norm(dim=(0, 2)).tolist()])
print([repr(v) for v in torch.linalg.vector_norm(c, dim=1).flatten().tolist()])
print([repr(v) for v in c[:, ::2, :].norm(dim=-1).flatten().tolist()])

u = F.normalize(torch.randn(4, 19), dim=1)
print([repr(v) for v in u.flatten().tolist()[:12]])

w = torch.randn(7, 13, requires_grad=True)
lin = torch.nn.Linear(13, 29)
(lin(w).tanh().sum() * 3.7).backward()
total = torch.nn.utils.clip_grad_norm_(lin.parameters(), 0.5)
print(repr(total.item()))
print([repr(v) for v in lin.weight.grad.flatten().tolist()[:10]])
r = torch.randn(40, requires_grad=True)
r.norm().backward()
print([repr(v) for v in r.grad.tolist()[:8]])

# Spectral normalisation's power iteration normalises with these norms: bits, not just digits.
torch.manual_seed(0)
m = torch.nn.utils.spectral_norm(torch.nn.Linear(20, 40))
opt = torch.optim.SGD(m.parameters(), lr=0.1)
x = torch.randn(8, 20)
for step in range(5):
    opt.zero_grad()
    loss = m(x).pow(2).mean()
    loss.backward()
    opt.step()
    print(step, repr(loss.item()))
print([repr(v) for v in m.weight.flatten().tolist()[:6]])
print([repr(v) for v in m.weight_u.tolist()[:6]])

# p-norms other than 1 and 2: |x|^p summed in float32, then the 1/p power in float32.
torch.manual_seed(0)
for p in (3, 1.5, 4, 0.5):
    x = torch.randn(37, requires_grad=True)
    n = x.norm(p=p)
    n.backward()
    print(p, repr(n.item()), [repr(v) for v in x.grad[:6].tolist()])
    d = torch.randn(5, 9, dtype=torch.float64, requires_grad=True)
    m = torch.linalg.vector_norm(d, ord=p, dim=1)
    m.sum().backward()
    print(p, [repr(v) for v in m.tolist()], [repr(v) for v in d.grad[0, :4].tolist()])
