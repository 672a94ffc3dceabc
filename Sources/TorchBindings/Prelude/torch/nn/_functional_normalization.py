# torch.rms_norm (F.rms_norm), as ATen's CompositeImplicitAutograd rms_norm computes it on the
# CPU for float32 and float64 inputs: pow, mean over the normalized dimensions (last first),
# add_ eps, rsqrt, mul, then mul by the weight. The grad_fns are those ops' own, as in PyTorch.
# Also F.local_response_norm, Python in PyTorch too.
import torch
import torch.nn.functional as F


def _shape_text(shape):
    return "[" + ", ".join(str(size) for size in shape) + "]"


def _check_rms_norm_inputs(input, normalized_shape, weight):
    """PyTorch's _check_rms_norm_inputs_symint, its checks in its order and with its texts."""
    normalized_shape = list(normalized_shape)
    if len(normalized_shape) < 1:
        raise RuntimeError(
            "Expected normalized_shape to be at least 1-dimensional, i.e., containing at least one "
            f"element, but got normalized_shape = {_shape_text(normalized_shape)}"
        )
    if weight is not None and list(weight.shape) != normalized_shape:
        raise RuntimeError(
            "Expected weight to be of same shape as normalized_shape, but got weight of shape "
            f"{_shape_text(weight.shape)} and normalized_shape = {_shape_text(normalized_shape)}"
        )
    if input.dim() < len(normalized_shape):
        raise ValueError(
            f"Input tensor must have at least {len(normalized_shape)} dimensions, but got {input.dim()}"
        )
    if list(input.shape[input.dim() - len(normalized_shape) :]) != normalized_shape:
        raise RuntimeError(
            f"Given normalized_shape={_shape_text(normalized_shape)}, expected input with shape "
            f"[*{', '.join(str(size) for size in normalized_shape)}], but got input of size"
            f"{_shape_text(input.shape)}"
        )


def rms_norm(input, normalized_shape, weight=None, eps=None):
    r"""Apply Root Mean Square Layer Normalization over the last len(normalized_shape) dimensions."""
    if isinstance(normalized_shape, int):
        normalized_shape = (normalized_shape,)
    _check_rms_norm_inputs(input, normalized_shape, weight)
    dims = [input.dim() - i - 1 for i in range(len(normalized_shape))]
    if eps is None:
        eps = torch.finfo(input.dtype).eps
    rsqrt_input = torch.rsqrt(torch.pow(input, 2).mean(dims, keepdim=True).add_(eps))
    result = input.mul(rsqrt_input)
    if weight is not None:
        result = result.mul(weight)
    return result


def local_response_norm(input, size, alpha=1e-4, beta=0.75, k=1.0):
    r"""Apply local response normalization over an input signal, across channels (dim 1),
    as PyTorch 2.15's torch/nn/functional.py computes it: the squares averaged over a window of
    ``size`` channels (avg_pool2d for 3-D inputs, avg_pool3d otherwise)."""
    dim = input.dim()
    if dim < 3:
        raise ValueError(
            f"Expected 3D or higher dimensionality                          input (got {dim} dimensions)"
        )

    if input.numel() == 0:
        return input

    div = input.mul(input)
    if dim == 3:
        div = div.unsqueeze(1)
        div = F.pad(div, (0, 0, size // 2, (size - 1) // 2))
        div = F.avg_pool2d(div, (size, 1), stride=1).squeeze(1)
    else:
        sizes = input.size()
        div = div.view(sizes[0], 1, sizes[1], sizes[2], -1)
        div = F.pad(div, (0, 0, 0, 0, size // 2, (size - 1) // 2))
        div = F.avg_pool3d(div, (size, 1, 1), stride=1).squeeze(1)
        div = div.view(sizes)
    div = div.mul(alpha).add(k).pow(beta)
    return input / div
