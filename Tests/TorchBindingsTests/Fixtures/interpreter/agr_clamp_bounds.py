# clamp with number bounds passes the gradient only strictly between them in PyTorch 2.15:
# an input equal to a bound, or NaN, gets 0 (clamp, clamp_min, clamp_max, in place too)
import torch
x = torch.tensor([0.0, -0.0, 1.0, -1.0, 0.5, float("nan"), 2.0, 1e-30], requires_grad=True)
def grad_of(f):
    x.grad = None
    y = f(x)
    y.backward(torch.ones_like(y))
    return y.grad_fn.name(), x.grad.tolist()
print(grad_of(lambda t: t.clamp(min=0)))
print(grad_of(lambda t: t.clamp(max=1)))
print(grad_of(lambda t: t.clamp(0, 1)))
print(grad_of(lambda t: t.clamp(1, 0)))
print(grad_of(lambda t: torch.clamp(t, min=-1, max=2)))
print(grad_of(lambda t: torch.clamp_min(t, 0.5)))
print(grad_of(lambda t: torch.clamp_max(t, 0.5)))
print(grad_of(lambda t: t * 1 + 0))
print(grad_of(lambda t: (t * 2).clamp_(min=0)))
torch.manual_seed(0)
a = torch.randn(64, 100)
w = torch.randn(100, 50, requires_grad=True)
h = a.mm(w)
h.data[0, :10] = 0.0
h.clamp(min=0).sum().backward()
print(w.grad.sum().item(), w.grad[:2, :5])
