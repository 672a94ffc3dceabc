# torch.cuda.amp.autocast, as PyTorch 2.15's torch/cuda/amp/autocast_mode.py defines it:
# torch.amp.autocast("cuda", ...) with a FutureWarning.
import warnings

import torch
from torch.amp.autocast_mode import autocast as _autocast

__all__ = ["autocast"]


class autocast(_autocast):
    def __init__(self, enabled=True, dtype=torch.float16, cache_enabled=True):
        warnings.warn("`torch.cuda.amp.autocast(args...)` is deprecated. "
                      "Please use `torch.amp.autocast('cuda', args...)` instead.", FutureWarning, stacklevel=2)
        super().__init__("cuda", enabled=enabled, dtype=dtype, cache_enabled=cache_enabled)
