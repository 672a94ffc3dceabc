"""torch.typename, as PyTorch's torch/__init__.py defines it."""
import torch


def typename(obj, /):
    """The type of ``obj`` as a string: a tensor's legacy type (``torch.FloatTensor``), else the
    module and qualified name of the object (for classes and functions) or of its class."""
    if isinstance(obj, torch.Tensor):
        return obj.type()
    module = getattr(obj, "__module__", "") or ""
    qualname = ""
    if hasattr(obj, "__qualname__"):
        qualname = obj.__qualname__
    elif hasattr(obj, "__name__"):
        qualname = obj.__name__
    else:
        cls = type(obj)
        module = getattr(cls, "__module__", "builtins") or ""
        qualname = getattr(cls, "__qualname__", cls.__name__)
    if module in {"", "builtins"}:
        return qualname
    return f"{module}.{qualname}"
