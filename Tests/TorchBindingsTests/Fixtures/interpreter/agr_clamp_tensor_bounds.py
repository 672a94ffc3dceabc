# clamp with tensor bounds as PyTorch 2.15 differentiates it: torch.clamp / Tensor.clamp with
# tensor min/max (ClampBackward0), torch.clamp_min / clamp_max with a tensor (ClampMinBackward1,
# ClampMaxBackward1, next_functions per operand); ties of self with a bound split the gradient,
# NaN in any operand, min > max, broadcast bounds (gradients summed back), in place, and the
# Python-number overload (ClampBackward1) beside them
import itertools
import torch
vals = [0., 1., 2., 3., float("nan")]
combos = list(itertools.product(vals, repeat=3))
x = torch.tensor([c[0] for c in combos], requires_grad=True)
lo = torch.tensor([c[1] for c in combos], requires_grad=True)
hi = torch.tensor([c[2] for c in combos], requires_grad=True)
def show(y):
    g = torch.autograd.grad(y.sum(), [x, lo, hi], allow_unused=True)
    print(y.grad_fn.name(), [n[0].name() if n[0] else None for n in y.grad_fn.next_functions])
    print(y.tolist())
    for t in g:
        print(None if t is None else t.tolist())
show(torch.clamp(x, lo, hi))
show(x.clamp(min=lo, max=hi))
show(torch.clamp(x, min=lo))
show(torch.clamp(x, max=hi))
show(torch.clamp_min(x, lo))
show(torch.clamp_max(x, hi))
show(x.clamp_min(lo))
show(x.clamp_max(hi))
a = torch.tensor([[-2.0, -0.5, 0.0], [0.5, 2.0, 1.0]], requires_grad=True)
low = torch.tensor([-1.0, -0.5, 0.1], requires_grad=True)
high = torch.tensor([[1.0], [0.5]], requires_grad=True)
y = torch.clamp(a, low, high)
y.backward(torch.arange(6.0).view(2, 3))
print(y, a.grad, low.grad, high.grad)
b = a.detach().clone()
b.clamp_(min=low.detach())
print(b, torch.clamp(a, min=-1.0).grad_fn.name(), torch.clamp(torch.arange(5), torch.tensor(1), torch.tensor(3)))
c = (a * 1).clamp_min_(low)
print(c, c.grad_fn.name())
