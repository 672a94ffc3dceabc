import torch
import torch.nn as nn
import torch.nn.functional as F

loss = nn.MultiLabelMarginLoss()
x = torch.tensor([[0.1, 0.2, 0.4, 0.8]], requires_grad=True)
# for target y, only consider labels 3 and 0, not after label -1
y = torch.tensor([[3, 0, -1, 1]])
out = loss(x, y)
print(loss, out, out.grad_fn.name(), out.grad_fn._saved_reduction, out.grad_fn._saved_is_target)
out.backward()
print(x.grad)
torch.manual_seed(0)
x = torch.randn(3, 5, requires_grad=True)
y = torch.tensor([[1, 4, -1, 0, 0], [0, 1, 2, 3, 4], [2, -1, 3, 3, 3]])
for reduction in ["mean", "sum", "none"]:
    out = F.multilabel_margin_loss(x, y, reduction=reduction)
    g = torch.autograd.grad(out, x, torch.ones_like(out), create_graph=True)[0]
    print(reduction, out, g, g.grad_fn)
out = F.multilabel_margin_loss(x.double(), y, reduction="none")
out.backward(torch.tensor([1.0, -2.0, 0.5], dtype=torch.float64))
print(out, x.grad)
v = torch.tensor([0.3, -0.1, 0.6], requires_grad=True)
out = F.multilabel_margin_loss(v, torch.tensor([2, -1, 0]), reduction="none")
out.backward()
print(out, v.grad)
print(F.multilabel_margin_loss(x, y, size_average=False))
for bad in [lambda: F.multilabel_margin_loss(x, y[:, :3]), lambda: F.multilabel_margin_loss(x, y + 5),
            lambda: F.multilabel_margin_loss(x, y.float()), lambda: F.multilabel_margin_loss(torch.zeros(2, 0), y),
            lambda: F.multilabel_margin_loss(x, y - 5), lambda: F.multilabel_margin_loss(x[0], y)]:
    try:
        bad()
    except RuntimeError as err:
        print("RuntimeError", err)
