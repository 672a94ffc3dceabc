# torch.amp.autocast, ported from PyTorch 2.15's torch/amp/autocast_mode.py. PyTorch disables
# autocast, with its warnings, where CUDA is missing (always here) or the dtype is not a 16-bit
# float; GradScope has no 16-bit floating point tensors, so an enabled CPU autocast, which would
# run ops in torch.bfloat16 or torch.float16, raises instead of computing other numbers. Other
# devices' autocast state is kept, as PyTorch keeps it, and affects no CPU op.
import functools
import warnings

import torch

__all__ = ["autocast", "is_autocast_available", "is_autocast_enabled"]

# torch.get_autocast_dtype's defaults, by device type.
_default_dtypes = {"cpu": torch.bfloat16, "mtia": torch.bfloat16, "maia": torch.bfloat16,
                   "xla": torch.bfloat16, "hpu": torch.bfloat16}
_available = ("cpu", "cuda", "ipu", "xpu", "maia", "xla", "mps", "hpu", "mtia", "privateuseone")
# Per device type: whether autocast is on, and its dtype when set.
_enabled = {}
_dtypes = {}


def is_autocast_available(device_type):
    torch.device(device_type)  # PyTorch's error for an unknown device type
    return device_type in _available


def is_autocast_enabled(device_type="cuda"):
    return _enabled.get(device_type, False)


def get_autocast_dtype(device_type):
    return _dtypes.get(device_type, _default_dtypes.get(device_type, torch.float16))


def autocast_decorator(autocast_instance, func):
    @functools.wraps(func)
    def decorate_autocast(*args, **kwargs):
        with autocast_instance:
            return func(*args, **kwargs)

    return decorate_autocast


class autocast:
    def __init__(self, device_type, dtype=None, enabled=True, cache_enabled=None):
        if not isinstance(device_type, str):
            raise ValueError(f"Expected `device_type` of type `str`, got: `{type(device_type)}`")
        self.fast_dtype = get_autocast_dtype(device_type) if dtype is None else dtype
        self.device = device_type
        if not is_autocast_available(self.device):
            raise RuntimeError(f"User specified an unsupported autocast device_type '{self.device}'")
        device_supported_dtypes = [torch.bfloat16, torch.float16]
        self._cache_enabled = True if cache_enabled is None else cache_enabled
        device_name = self.device.upper()
        if enabled:
            if self.device == "cuda":
                warnings.warn("CUDA is not available or torch_xla is imported. Disabling autocast.", stacklevel=2)
                enabled = False
            elif self.fast_dtype not in device_supported_dtypes:
                error_message = (
                    f"In {device_name} autocast, but the target dtype is not supported. Disabling autocast.\n"
                    f"{device_name} Autocast only supports dtypes of "
                    + ", ".join(map(str, device_supported_dtypes))
                    + " currently."
                )
                warnings.warn(error_message, stacklevel=2)
                enabled = False
            elif self.device == "cpu":
                raise NotImplementedError(
                    f"GradScope has no {self.fast_dtype} tensors, so CPU autocast cannot run its ops in "
                    "16-bit floating point: pass enabled=False to run them in float32")
        self._enabled = enabled

    def __enter__(self):
        self.prev = is_autocast_enabled(self.device)
        self.prev_fastdtype = get_autocast_dtype(self.device)
        _enabled[self.device] = self._enabled
        _dtypes[self.device] = self.fast_dtype
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        _enabled[self.device] = self.prev
        _dtypes[self.device] = self.prev_fastdtype
        return False

    def __call__(self, func):
        if not callable(func):
            raise TypeError(
                f"autocast()(func) requires a callable, but got {type(func).__name__}. "
                f"Did you mean to use autocast as a context manager? For example:\n"
                f"    with torch.autocast(device_type='{self.device}'):\n"
                f"        ..."
            )
        return autocast_decorator(self, func)
