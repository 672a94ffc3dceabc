# The in-place inverse hyperbolic functions record an underived node (AsinhBackward1, ...), whose
# backward raises PyTorch's not-implemented error; the other in-place trig functions differentiate.
import torch
for name in ["asinh_", "acosh_", "atanh_", "sinh_", "cosh_", "tan_"]:
    x = (torch.rand(3) + 1.5).requires_grad_().clone()
    if name == "atanh_": x = x / 4
    getattr(x, name)()
    try:
        x.sum().backward()
        print(name, x.grad_fn, "ok")
    except RuntimeError as e:
        print(name, x.grad_fn, e)
