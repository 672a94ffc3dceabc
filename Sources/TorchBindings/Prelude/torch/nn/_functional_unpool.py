# torch.nn.functional's max_unpool1d and max_unpool2d, as PyTorch 2.15's torch/nn/functional.py
# writes them: the output size from the pooling parameters (or checked against them), then
# the native max_unpool2d (`torch._C._nn.max_unpool2d`), over a trailing unit dim for 1-D.
import _gradscope


def _single(x):
    return tuple(x) if isinstance(x, (list, tuple)) else (x,)


def _pair(x):
    return tuple(x) if isinstance(x, (list, tuple)) else (x, x)


def _check_unpool_output_size(output_size, dim):
    if not output_size[dim] >= 0:
        raise ValueError(
            "max_unpooling: output_size must contain non-negative spatial "
            f"dimensions, but got output_size[{dim}]={output_size[dim]}"
        )


def _unpool_output_size(input, kernel_size, stride, padding, output_size):
    input_size = input.size()
    default_size = []
    for d in range(len(kernel_size)):
        default_size.append(
            (input_size[-len(kernel_size) + d] - 1) * stride[d] + kernel_size[d] - 2 * padding[d]
        )
    if output_size is None:
        ret = default_size
    else:
        if len(output_size) == len(kernel_size) + 2:
            output_size = output_size[2:]
        if len(output_size) != len(kernel_size):
            raise ValueError(
                "output_size should be a sequence containing "
                f"{len(kernel_size)} or {len(kernel_size) + 2} elements, but it has a length of '{len(output_size)}'"
            )
        for d in range(len(kernel_size)):
            min_size = default_size[d] - stride[d]
            max_size = default_size[d] + stride[d]
            if not (min_size < output_size[d] < max_size):
                raise ValueError(
                    f'invalid output_size "{output_size}" (dim {d} must be between {min_size} and {max_size})'
                )
        ret = output_size
    for d in range(len(kernel_size)):
        _check_unpool_output_size(ret, d)
    return ret


def max_unpool1d(input, indices, kernel_size, stride=None, padding=0, output_size=None):
    r"""Compute a partial inverse of :class:`MaxPool1d`."""
    kernel_size = _single(kernel_size)
    if stride is not None:
        _stride = _single(stride)
    else:
        _stride = kernel_size
    padding = _single(padding)
    output_size = _unpool_output_size(input, kernel_size, _stride, padding, output_size)
    if isinstance(output_size, list):
        output_size = output_size + [1]
    else:
        output_size = output_size + (1,)
    return _gradscope.max_unpool2d(input.unsqueeze(-1), indices.unsqueeze(-1), output_size).squeeze(-1)


def max_unpool2d(input, indices, kernel_size, stride=None, padding=0, output_size=None):
    r"""Compute a partial inverse of :class:`MaxPool2d`."""
    kernel_size = _pair(kernel_size)
    if stride is not None:
        _stride = _pair(stride)
    else:
        _stride = kernel_size
    padding = _pair(padding)
    output_size = _unpool_output_size(input, kernel_size, _stride, padding, output_size)
    return _gradscope.max_unpool2d(input, indices, output_size)
