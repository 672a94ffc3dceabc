# F.soft_margin_loss / nn.SoftMarginLoss: log(1 + exp(-y x)) with its own node
# (SoftMarginLossBackward0), the three reductions, the legacy keywords, a broadcast target,
# and the errors for a target that requires grad or does not broadcast.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(4, 9, requires_grad=True)
y = torch.randn(4, 9).sign()
for reduction in ("mean", "sum", "none"):
    loss = F.soft_margin_loss(x, y, reduction=reduction)
    print(reduction, type(loss.grad_fn).__name__, loss.grad_fn._saved_reduction)
    loss.sum().backward()
    print([repr(v) for v in loss.flatten().tolist()[:6]], [repr(v) for v in x.grad.flatten().tolist()[:6]])
    x.grad = None
criterion = nn.SoftMarginLoss()
print(criterion, repr(criterion(x, y).item()), repr(nn.SoftMarginLoss(reduction="sum")(x, y).item()))
print(repr(F.soft_margin_loss(x, torch.ones(9)).item()))
print(repr(F.soft_margin_loss(x, y, size_average=False).item()))
w = torch.randn(30, dtype=torch.float64, requires_grad=True)
F.soft_margin_loss(w, torch.ones(30, dtype=torch.float64)).backward()
print([repr(v) for v in w.grad.tolist()[:5]])
for bad in (torch.ones(4, 9, requires_grad=True), torch.ones(5)):
    try:
        F.soft_margin_loss(x, bad)
    except RuntimeError as e:
        print(e)
