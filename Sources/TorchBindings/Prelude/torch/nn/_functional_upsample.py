# torch.nn.functional's deprecated upsampling wrappers, as PyTorch 2.15's torch/nn/functional.py
# writes them: each warns, then calls interpolate.
import warnings

import torch.nn.functional as F


def upsample(input, size=None, scale_factor=None, mode="nearest", align_corners=None):
    r"""Upsample input (deprecated: use ``interpolate``)."""
    warnings.warn(
        "`nn.functional.upsample` is deprecated. Use `nn.functional.interpolate` instead.",
        stacklevel=2,
    )
    return F.interpolate(input, size, scale_factor, mode, align_corners)


def upsample_nearest(input, size=None, scale_factor=None):
    r"""Upsample input with nearest neighbours' values (deprecated: use ``interpolate``)."""
    # DeprecationWarning is ignored by default
    warnings.warn(
        "`nn.functional.upsample_nearest` is deprecated. Use `nn.functional.interpolate` instead.",
        stacklevel=2,
    )
    return F.interpolate(input, size, scale_factor, mode="nearest")


def upsample_bilinear(input, size=None, scale_factor=None):
    r"""Upsample input with bilinear upsampling and aligned corners (deprecated: use ``interpolate``)."""
    # DeprecationWarning is ignored by default
    warnings.warn(
        "`nn.functional.upsample_bilinear` is deprecated. Use `nn.functional.interpolate` instead.",
        stacklevel=2,
    )
    return F.interpolate(input, size, scale_factor, mode="bilinear", align_corners=True)
