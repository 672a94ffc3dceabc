import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
x = torch.randn(3, 4, requires_grad=True)
t = torch.tensor([1, 0, 3])
w = torch.tensor([0.5, 1.0, 2.0, 1.5])
l = F.multi_margin_loss(x, t)
print(l, l.grad_fn._saved_p, l.grad_fn._saved_margin, l.grad_fn._saved_reduction, l.grad_fn._saved_weight)
print(l.grad_fn._saved_target, l.grad_fn._saved_self.equal(x))
l.backward()
print(x.grad)
x.grad = None
l2 = F.multi_margin_loss(x, t, p=2, margin=0.5, weight=w, reduction='none')
print(l2)
l2.backward(torch.tensor([1.0, -2.0, 0.5]))
print(x.grad)
print(F.multi_margin_loss(x[0], t[:1], reduction='none'), F.multi_margin_loss(x[0], torch.tensor(2), reduction='none'))
crit = nn.MultiMarginLoss(p=2, weight=w, reduction='sum')
print(crit, crit(x, t))
print(nn.MultiMarginLoss(margin=2.0)(x, t), F.multi_margin_loss(x, t, size_average=False))
big = torch.randn(64, 10)
print(repr(F.multi_margin_loss(big, torch.arange(64) % 10).item()))
for f in [lambda: F.multi_margin_loss(x, t, p=3), lambda: F.multi_margin_loss(x, torch.tensor([1, 0, 4])),
          lambda: F.multi_margin_loss(x, t, weight=w[:3]), lambda: F.multi_margin_loss(x, t, weight=w.reshape(2, 2)),
          lambda: F.multi_margin_loss(x, t.float()), lambda: nn.MultiMarginLoss(p=3),
          lambda: F.multi_margin_loss(x, t, weight=w.clone().requires_grad_()).backward()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
g, = torch.autograd.grad(F.multi_margin_loss(x, t), x, create_graph=True)
try:
    g.sum().backward()
except RuntimeError as e:
    print('RuntimeError', e)
