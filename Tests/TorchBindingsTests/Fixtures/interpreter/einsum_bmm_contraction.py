# torch.einsum as PyTorch computes it: operands aligned by unsqueeze/permute, contracted pairwise
# through permute, reshape and bmm (the grad_fn chains below), with its values, gradients and errors.
import torch
torch.manual_seed(0)
def walk(f, d=0):
    if f is None: return
    print(' ' * d + type(f).__name__)
    for n, _ in f.next_functions: walk(n, d + 2)
x = torch.randn(6, 13, requires_grad=True); y = torch.randn(6, 13, requires_grad=True)
r = torch.einsum('ij,kj->ik', x, y)
walk(r.grad_fn)
(r * torch.randn(6, 6)).sum().backward()
print([repr(v) for v in r.flatten().tolist()[:10]], [repr(v) for v in x.grad.flatten().tolist()[:10]])
q = torch.randn(2, 4, 5, 8, requires_grad=True); k = torch.randn(2, 4, 7, 8)
a = torch.einsum('bhqd,bhkd->bhqk', q, k)
walk(a.grad_fn)
a.pow(2).sum().backward()
print([repr(v) for v in a.flatten().tolist()[:8]], [repr(v) for v in q.grad.flatten().tolist()[:8]])
b = torch.einsum('i,i->', x[0], y[0]); print(type(b.grad_fn).__name__, repr(b.item()))
m = torch.randn(3, 3, requires_grad=True)
c = torch.einsum("ii->i", m); print(type(c.grad_fn).__name__, c)
print(torch.einsum("ii", m), type(torch.einsum("ij->", m).grad_fn).__name__, type(torch.einsum("ij->ji", m).grad_fn).__name__)
print(type(torch.einsum("i,j->ij", x[0, :3], y[0, :4]).grad_fn).__name__, torch.einsum('bij,bjk->bik', torch.randn(2,3,4), torch.randn(2,4,5)).shape)
e = torch.einsum('...ij,...jk', torch.randn(2, 3, 4), torch.randn(4, 5)); print(e.shape, type(e.grad_fn).__name__)
f = torch.einsum('ij,jk,kl->il', torch.randn(2,3), torch.randn(3,4), torch.randn(4,5)); print(f.shape, repr(f.sum().item()))
g = torch.einsum('bn,anm,bm->ba', torch.randn(3,4), torch.randn(5,4,6), torch.randn(3,6)); print(g.shape, repr(g.sum().item()))
h = torch.einsum('iij->j', torch.randn(3,3,4)); print(repr(h.sum().item()))
for eq, ops in [("ij,jk", [torch.ones(2,3)]), ("ij,j1->i",[torch.ones(2,3),torch.ones(3)]), ("ij->kk",[torch.ones(2,2)]), ("ij->ii",[torch.ones(2,2)]), ("i..j,j",[torch.ones(2,3),torch.ones(3)]), ("...ij,...jk", [torch.ones(2,3,4), torch.ones(5,4,2)]), ("ii", [torch.ones(2,3)]), ("ij,jk->ik", [torch.ones(2,3), torch.ones(4,2)]), ("ij", [torch.ones(2,3), torch.ones(2)]), ("ijk", [torch.ones(2,3)]), ("...ijk", [torch.ones(2,3)])]:
    try: torch.einsum(eq, *ops); print(eq, 'ok')
    except Exception as ex: print(eq, type(ex).__name__, ex)
