# GELU with erf (approximate='none', nn.GELU's default) as PyTorch 2.15's CPU kernels compute it,
# to the last bit: oneDNN's gelu_erf JIT kernel for a contiguous float32 tensor of more than one
# element (forward and backward); ATen's kernel otherwise, with Vectorized<T>::erf (float32:
# Abramowitz and Stegun with SLEEF's exp; float64: SLEEF 3.6's erf) on whole blocks of a
# contiguous row and the C library on the rest, on strided tensors and on single elements.
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(5)
base = torch.randn(400) * 3
weights = torch.randn(400)
for dt in [torch.float32, torch.float64]:
    for label in ["n300", "rows6x37", "strided80", "single"]:
        if label == "n300":
            leaf = base[:300].to(dt).clone().requires_grad_()
            x = leaf
        elif label == "rows6x37":
            leaf = base[:240].to(dt).reshape(6, 40).clone().requires_grad_()
            x = leaf[:, :37]
        elif label == "strided80":
            leaf = base[:160].to(dt).clone().requires_grad_()
            x = leaf[::2]
        else:
            leaf = base[7].to(dt).clone().requires_grad_()
            x = leaf
        y = nn.GELU()(x) if label == "n300" else F.gelu(x)
        (y * weights[: y.numel()].to(dt).reshape(y.shape)).sum().backward()
        print(dt, label, "y", [repr(v) for v in y.detach().reshape(-1).tolist()])
        print(dt, label, "g", [repr(v) for v in leaf.grad.reshape(-1).tolist()])
