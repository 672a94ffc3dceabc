# torch.norm_except_dim and torch._weight_norm as ATen's CompositeImplicitAutograd functions
# (WeightNorm.cpp) compute them: the 2-norm over every dimension but `dim` through view/norm,
# and the weight normalization through the fused _weight_norm_interface when `dim` is the first
# or the last dimension (WeightNormInterfaceBackward0), else through v * (g / norm).
import torch


def norm_except_dim(v, pow=2, dim=0):
    if dim == -1:
        return v.norm(pow)
    elif dim == 0:
        output_size = [v.size(0)] + [1] * (v.dim() - 1)
        return v.contiguous().view(v.size(0), -1).norm(pow, 1).view(output_size)
    elif dim == v.dim() - 1:
        output_size = [1] * (v.dim() - 1) + [v.size(v.dim() - 1)]
        return v.contiguous().view(-1, v.size(v.dim() - 1)).norm(pow, 0).view(output_size)
    else:
        return norm_except_dim(v.transpose(0, dim), pow, 0).transpose(0, dim)


def _weight_norm(v, g, dim=0):
    v = v.contiguous()
    g = g.contiguous()
    if dim == 0 or dim == v.dim() - 1:
        return torch._weight_norm_interface(v, g, dim)[0]
    return v * (g / norm_except_dim(v, 2, dim))
