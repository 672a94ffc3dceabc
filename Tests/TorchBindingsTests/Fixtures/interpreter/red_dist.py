# torch.dist / Tensor.dist: the p-norm of the broadcast difference (DistBackward0), with gradients
# for both operands, every kind of p, and the broadcast error.
import torch

torch.manual_seed(0)
for p in (2, 1, 3, 0.5, 0, float("inf")):
    x = torch.randn(3, 11, requires_grad=True)
    y = torch.randn(11, requires_grad=True)
    d = torch.dist(x, y, p)
    try:
        d.backward()
    except RuntimeError as e:
        print(p, "backward:", e)
        continue
    print(p, repr(d.item()), type(d.grad_fn).__name__, [repr(v) for v in x.grad.flatten().tolist()[:6]], [repr(v) for v in y.grad.tolist()[:6]])
a = torch.randn(40, dtype=torch.float64, requires_grad=True)
print(repr(a.dist(torch.zeros(40, dtype=torch.float64), p=1.5).item()), torch.dist(torch.ones(3), torch.zeros(3)))
try:
    torch.dist(torch.randn(3, 4), torch.randn(5))
except RuntimeError as e:
    print(e)
