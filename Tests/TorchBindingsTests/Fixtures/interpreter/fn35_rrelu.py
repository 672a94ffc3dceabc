import torch
import torch.nn as nn
import torch.nn.functional as F
x = torch.tensor([[1.5, -2.0, 3.0], [-0.5, 0.25, -1.0]], requires_grad=True)
torch.manual_seed(0)
y = F.rrelu(x, training=True)
g = y.grad_fn
print(y, g._saved_lower, g._saved_upper, g._saved_training, g._saved_noise, g._saved_self.equal(x))
y.sum().backward()
print(x.grad)
print(torch.rand(2))
x.grad = None
z = F.rrelu(x)
print(z, z.grad_fn.name(), z.grad_fn._saved_training)
z.sum().backward()
print(x.grad)
print(F.rrelu(x, 0.1, 0.3, True), torch.rrelu(x.detach()), torch.rrelu(x.detach(), training=True))
m = nn.RReLU(0.1, 0.3)
print(m, m(x))
m.eval()
print(m(x))
print(nn.RReLU(inplace=True))
w = x.detach().clone()
F.rrelu(w, training=True, inplace=True)
print(w)
w = x.detach().clone()
F.rrelu_(w, training=True)
print(w)
w = x.detach().clone()
torch.rrelu_(w, training=True)
print(w)
v = x * 1
torch.rrelu_(v, training=True)
print(v.grad_fn.name(), v.grad_fn._saved_result.equal(v))
v.sum().backward()
print(x.grad)
print(F.rrelu(torch.randn(3, dtype=torch.float64), training=True))
big = torch.randn(4, 50)
print([repr(t) for t in F.rrelu(big, training=True).flatten().tolist()[:40]])
print(torch.rand(1))
for f in [lambda: F.rrelu(torch.tensor([1, 2])), lambda: torch.rrelu(x, 0.3, 0.1, True)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
