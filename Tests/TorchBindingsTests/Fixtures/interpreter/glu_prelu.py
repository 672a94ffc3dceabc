# F.glu (dims, errors) and F.prelu/nn.PReLU (one slope or one per channel), nn.GLU: values,
# gradients of input and weight, grad_fn names, reprs.
import torch
import torch.nn as nn
import torch.nn.functional as F

x = torch.tensor([[1.0, -2.0, 0.5, 3.0], [-1.0, 0.25, 2.0, -0.5]], requires_grad=True)
g = F.glu(x)
print(g, g.grad_fn.name())
(g * torch.tensor([[1.0, 2.0], [3.0, 4.0]])).sum().backward()
print(x.grad)
x.grad = None
g0 = F.glu(x, dim=0)
print(g0)
g0.sum().backward()
print(x.grad)
x.grad = None
w = torch.tensor([0.25], requires_grad=True)
p = F.prelu(x, w)
print(p, p.grad_fn.name())
(p * torch.arange(8.0).view(2, 4)).sum().backward()
print(x.grad, w.grad)
x.grad = None
img = torch.tensor([[[[1.0, -1.0], [-2.0, 0.5]], [[-3.0, 2.0], [0.0, -0.5]]]], requires_grad=True)
m = nn.PReLU(2, init=0.1)
print(m, m.weight)
out = m(img)
print(out, out.grad_fn.name())
out.sum().backward()
print(img.grad, m.weight.grad)
print(torch.prelu(torch.tensor([-1.0, 2.0]), torch.tensor([0.5])), torch.tensor([-4.0, 4.0]).prelu(torch.tensor([0.5])))
print(nn.GLU(), nn.GLU(0)(torch.arange(4.0)), nn.PReLU())
for bad in [lambda: F.glu(torch.ones(3)), lambda: F.glu(torch.tensor(1.0)), lambda: F.prelu(x, torch.ones(3))]:
    try:
        bad()
    except RuntimeError as err:
        print("RuntimeError:", err)
