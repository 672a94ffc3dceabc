# torch.save and torch.load. GradScope scripts do not touch files, so torch.save keeps what it
# would have written in memory, under the file's name, until the run ends, and torch.load reads it
# back from there: a script that saves a checkpoint and loads it again runs as under PyTorch, and
# one that loads a file it did not save gets FileNotFoundError. What is kept is a copy made at
# save time, and each load returns a new copy of it, as a round trip through a file would:
# tensors come back as leaves that keep requires_grad (and Parameter-ness) but not grad_fn or
# .grad, tensors saved over one storage share one storage again, and shared containers stay
# shared. With weights_only (the default since PyTorch 2.6) only the types PyTorch's
# weights-only unpickler accepts load; anything else raises its UnpicklingError.
import copy
import warnings
import torch
import _gradscope

_files = {}
_safe_globals = []


class UnpicklingError(Exception):
    __module__ = "_pickle"


def _file_name(f, message):
    if isinstance(f, str):
        return f
    raise AttributeError(message)


def save(obj, f, pickle_module=None, pickle_protocol=2, _use_new_zipfile_serialization=True,
         _disable_byteorder_record=False):
    name = _file_name(f, "expected 'f' to be string, path, or a file-like object with a 'write' attribute")
    _files[name] = _copy(obj, {}, _gradscope.tensor_copier(None))


def load(f, map_location=None, pickle_module=None, *, weights_only=None, mmap=None, **pickle_load_args):
    name = _file_name(
        f,
        f"'{type(f).__name__}' object has no attribute 'seek'. You can only torch.load from a file that is "
        "seekable. Please pre-load the data into a buffer like io.BytesIO and try to load from it instead.")
    if name not in _files:
        warnings.warn(
            f"GradScope scripts cannot read files: torch.load finds only what torch.save kept earlier in the "
            f"same run, and '{name}' is not one of them", stacklevel=2)
        raise FileNotFoundError(f"[Errno 2] No such file or directory: '{name}'")
    saved = _files[name]
    if weights_only is not False:
        unsupported = _first_unsupported(saved, set())
        if unsupported is not None:
            raise UnpicklingError(_weights_only_message(unsupported))
    return _copy(saved, {}, _gradscope.tensor_copier("load"))


def add_safe_globals(safe_globals):
    _safe_globals.extend(safe_globals)


def get_safe_globals():
    return list(_safe_globals)


def clear_safe_globals():
    _safe_globals.clear()


class safe_globals:
    def __init__(self, safe_globals):
        self.safe_globals = safe_globals

    def __enter__(self):
        self.count = len(_safe_globals)
        _safe_globals.extend(self.safe_globals)

    def __exit__(self, exc_type, exc_value, traceback):
        del _safe_globals[self.count:]
        return False


_IMMUTABLE = (type(None), bool, int, float, str, slice, range, torch.dtype, torch.device, torch.Size)


def _copy(obj, memo, copy_tensor):
    if isinstance(obj, _IMMUTABLE):
        return obj
    if isinstance(obj, tuple):
        return tuple(_copy(item, memo, copy_tensor) for item in obj)
    if isinstance(obj, (set, frozenset)):
        return type(obj)(_copy(item, memo, copy_tensor) for item in obj)
    key = id(obj)
    if key in memo:
        return memo[key]
    if isinstance(obj, torch.Tensor):
        result = copy_tensor(obj)
    elif isinstance(obj, list):
        result = []
        memo[key] = result
        for item in obj:
            result.append(_copy(item, memo, copy_tensor))
    elif isinstance(obj, dict):
        # A shallow copy emptied keeps the dict's flavour (OrderedDict, Counter, defaultdict).
        result = copy.copy(obj)
        result.clear()
        memo[key] = result
        for k, v in obj.items():
            result[_copy(k, memo, copy_tensor)] = _copy(v, memo, copy_tensor)
    elif isinstance(obj, (type, type(_copy), type(len))):
        # Classes and functions are pickled by reference.
        return obj
    else:
        result = copy.copy(obj)
        memo[key] = result
        for k, v in vars(obj).items():
            object.__setattr__(result, k, _copy(v, memo, copy_tensor))
    memo[key] = result
    return result


def _first_unsupported(obj, seen):
    """The first object, in pickling order, whose class PyTorch's weights-only unpickler refuses."""
    if isinstance(obj, (type(None), bool, int, float, str, torch.dtype, torch.device, torch.Size, torch.Tensor)):
        return None
    if not isinstance(obj, (tuple, set, frozenset)):
        if id(obj) in seen:
            return None
        seen.add(id(obj))
    if isinstance(obj, dict) and type(obj).__name__ != "defaultdict":
        items = [x for kv in obj.items() for x in kv]
    elif isinstance(obj, (list, tuple, set)):
        items = obj
    elif any(obj is g or type(obj) is g for g in _safe_globals):
        items = list(vars(obj).values()) if hasattr(obj, "__dict__") else []
    else:
        return obj
    for item in items:
        found = _first_unsupported(item, seen)
        if found is not None:
            return found
    return None


def _global_name(obj):
    cls = obj if isinstance(obj, (type, type(_copy), type(len))) else type(obj)
    module = getattr(cls, "__module__", "builtins")
    name = getattr(cls, "__qualname__", cls.__name__)
    return name if module == "builtins" else module + "." + name


def _weights_only_message(obj):
    name = _global_name(obj)
    return (
        "Weights only load failed. This file can still be loaded, to do so you have two options, "
        "\x1b[1mdo those steps only if you trust the source of the checkpoint\x1b[0m. \n"
        "\t(1) In PyTorch 2.6, we changed the default value of the `weights_only` argument in `torch.load` "
        "from `False` to `True`. Re-running `torch.load` with `weights_only` set to `False` will likely "
        "succeed, but it can result in arbitrary code execution. Do it only if you got the file from a "
        "trusted source.\n"
        "\t(2) Alternatively, to load with `weights_only=True` please check the recommended steps in the "
        "following error message.\n"
        f"\tWeightsUnpickler error: Unsupported global: GLOBAL {name} was not an allowed global by default. "
        f"Please use `torch.serialization.add_safe_globals([{name}])` or the "
        f"`torch.serialization.safe_globals([{name}])` context manager to allowlist this global if you trust "
        "this class/function.\n\n"
        "Check the documentation of torch.load to learn more about types accepted by default with "
        "weights_only https://pytorch.org/docs/stable/generated/torch.load.html.")
