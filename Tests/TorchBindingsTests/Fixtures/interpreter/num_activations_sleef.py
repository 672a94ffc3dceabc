# Activations as PyTorch 2.15's CPU kernels compute them, to the last bit: SLEEF (exp, expm1,
# log1p, tanh) in whole blocks of 32 floats (16 doubles) of a contiguous row, the C library on
# the rest and on strided tensors; log_sigmoid runs SLEEF on every element. Forward and backward,
# float32 and float64, lengths that exercise vector blocks and tails.
import torch
import torch.nn.functional as F
torch.manual_seed(3)
ops = {
    "gelu_tanh": lambda x: F.gelu(x, approximate="tanh"),
    "silu": F.silu,
    "mish": F.mish,
    "softplus": F.softplus,
    "softplus_beta": lambda x: F.softplus(x, beta=2.0, threshold=3.0),
    "elu": F.elu,
    "elu_alpha": lambda x: F.elu(x, alpha=0.7),
    "selu": F.selu,
    "celu": lambda x: F.celu(x, alpha=1.3),
    "logsigmoid": F.logsigmoid,
    "hardsigmoid": F.hardsigmoid,
}
base = torch.randn(300) * 3
weights = torch.randn(300)
cases = [("n7", 7), ("n37", 37), ("m6x13", (6, 13)), ("strided40", None)]
for dt in [torch.float32, torch.float64]:
    for name, f in ops.items():
        for label, shape in cases:
            if shape is None:
                leaf = base[:80].to(dt).clone().requires_grad_()
                x = leaf[::2]
            else:
                numel = shape if isinstance(shape, int) else shape[0] * shape[1]
                leaf = base[:numel].to(dt).reshape(shape).clone().requires_grad_()
                x = leaf
            y = f(x)
            (y * weights[: y.numel()].to(dt).reshape(y.shape)).sum().backward()
            print(dt, name, label, "y", [repr(v) for v in y.detach().reshape(-1).tolist()])
            print(dt, name, label, "g", [repr(v) for v in leaf.grad.reshape(-1).tolist()])
