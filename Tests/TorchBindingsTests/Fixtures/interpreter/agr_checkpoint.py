# torch.utils.checkpoint: both forms give the gradients of the plain run; dropout inside is
# replayed with the forward's RNG state; the reentrant form is one CheckpointFunctionBackward
# node, the non-reentrant form keeps the ordinary graph and recomputes its saved tensors.
import torch
import torch.nn as nn
from torch.utils.checkpoint import checkpoint, checkpoint_sequential

torch.manual_seed(0)
block = nn.Sequential(nn.Linear(4, 6), nn.Tanh(), nn.Dropout(0.3), nn.Linear(6, 3))
x = torch.randn(5, 4, requires_grad=True)


def grads(run):
    block.zero_grad()
    x.grad = None
    torch.manual_seed(7)
    out = run()
    out.pow(2).sum().backward()
    return out, x.grad.clone(), block[0].weight.grad.clone()


plain = grads(lambda: block(x))
for reentrant in [True, False]:
    out, gx, gw = grads(lambda: checkpoint(block, x, use_reentrant=reentrant))
    print(reentrant, type(out.grad_fn).__name__, torch.equal(out, plain[0]), torch.equal(gx, plain[1]), torch.equal(gw, plain[2]))
print(gx)

# A function of two tensors and a number; keyword arguments only without reentrancy.
w = torch.randn(3, 3, requires_grad=True)
def f(a, b, scale, shift=0.0):
    return (a @ b).relu() * scale + shift
y = checkpoint(f, x[:, :3], w, 2.0, shift=1.0, use_reentrant=False)
y.sum().backward()
print(w.grad)
try:
    checkpoint(f, x[:, :3], w, 2.0, shift=1.0, use_reentrant=True)
except ValueError as e:
    print("ValueError", e)

# The reentrant form cannot serve autograd.grad; the other can, and twice with retain_graph.
z = checkpoint(f, x[:, :3], w, 1.0, use_reentrant=True)
try:
    torch.autograd.grad(z.sum(), w)
except RuntimeError as e:
    print("RuntimeError", e)
z2 = checkpoint(f, x[:, :3], w, 1.0, use_reentrant=False)
g1, = torch.autograd.grad(z2.sum(), w, retain_graph=True)
g2, = torch.autograd.grad(z2.sum(), w)
print(torch.equal(g1, g2), g1.sum().item())

# checkpoint_sequential over three segments, and the decorator form.
torch.manual_seed(1)
seq = nn.Sequential(*[nn.Linear(4, 4) for _ in range(6)])
inp = torch.randn(2, 4, requires_grad=True)
out = checkpoint_sequential(seq, 3, inp, use_reentrant=False)
out.sum().backward()
print(inp.grad, type(out.grad_fn).__name__)

@checkpoint(use_reentrant=False)
def g(t):
    return t.sin().exp()
v = torch.tensor([0.5, -1.0], requires_grad=True)
g(v).sum().backward()
print(v.grad)

with torch.no_grad():
    print(checkpoint(block, x, use_reentrant=False).requires_grad)
u = checkpoint(lambda t: t * 2, torch.ones(2), use_reentrant=True)
print(u.requires_grad)

# Reachable after `import torch` alone; the warning without use_reentrant.
q = torch.utils.checkpoint.checkpoint(torch.sin, v)
print(type(q.grad_fn).__name__)
