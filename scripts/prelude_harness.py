#!/usr/bin/env python3
"""Runs a PyTorch script under real CPython + PyTorch with GradScope's Python prelude in place
of torch.nn (Module, containers, layers, losses, init, utils.clip_grad), torch.optim
(optimizers, lr_scheduler), torch.distributions, torch.autograd.functional and
torch.autograd.gradcheck.

    /path/to/python-with-torch scripts/prelude_harness.py SCRIPT.py

The prelude's files (Sources/TorchBindings/Prelude/torch/...) are loaded as the modules
torch.nn, torch.nn.modules.*, torch.nn.init, torch.optim, ... (torch.nn.functional stays
PyTorch's, as it stays Swift in GradScope), with a stand-in for GradScope's host module
`_gradscope` whose Parameter is torch.nn.Parameter. If the script then prints what PyTorch
prints (checked with ../shared/tools/conformance.py, this harness as the command), the
prelude reproduces PyTorch's behaviour: reprs, initialisation order, optimizer digits.
"""
import builtins
import importlib.abc
import importlib.util
import os
import runpy
import sys
import types

PRELUDE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "TorchBindings", "Prelude")


# PyTorch's own torch.utils package stays (its private submodules, imported by torch itself,
# must stay reachable); the prelude's torch.utils.data replaces PyTorch's below it. So does
# torch.autograd.function, whose Function machinery torch.autograd.Function.apply reaches through it.
PYTORCH_KEPT = {"torch.utils", "torch.utils.hooks", "torch.autograd.graph", "torch.autograd.function"}


def prelude_modules():
    """Maps each prelude module name (torch.nn.modules.linear, ...) to (path, is_package)."""
    found = {}
    root = os.path.normpath(PRELUDE)
    for directory, _, files in os.walk(os.path.join(root, "torch")):
        for f in files:
            if not f.endswith(".py"):
                continue
            path = os.path.join(directory, f)
            parts = os.path.relpath(path, root)[:-3].split(os.sep)
            is_package = parts[-1] == "__init__"
            if is_package:
                parts = parts[:-1]
            found[".".join(parts)] = (path, is_package)
    return found


class PreludeFinder(importlib.abc.MetaPathFinder):
    """Finds the prelude's modules before PyTorch's own files."""

    def __init__(self, modules):
        self.modules = modules

    def find_spec(self, fullname, path, target=None):
        entry = self.modules.get(fullname)
        if entry is None:
            return None
        file, is_package = entry
        locations = [os.path.dirname(file)] if is_package else None
        return importlib.util.spec_from_file_location(fullname, file, submodule_search_locations=locations)


# What GradScope's native `_gradscope.module_getattr` (Module.__getattr__) does.
_MODULE_INTERNAL_ATTRIBUTES = frozenset((
    "training", "_parameters", "_buffers", "_non_persistent_buffers_set", "_modules", "_backward_pre_hooks",
    "_backward_hooks", "_is_full_backward_hook", "_forward_hooks", "_forward_pre_hooks",
))


def module_getattr(module, name):
    if name not in _MODULE_INTERNAL_ATTRIBUTES:
        for registry_name in ("_parameters", "_buffers", "_modules"):
            registry = getattr(module, registry_name)
            if name in registry:
                return registry[name]
    raise AttributeError(f"'{type(module).__name__}' object has no attribute '{name}'")


# What GradScope's native `_gradscope.module_call` (Module.__call__) does, the module-call records aside.
def module_call(module, *args, **kwargs):
    if module._backward_hooks or module._backward_pre_hooks or module._forward_hooks or module._forward_pre_hooks:
        return module._call_with_hooks(*args, **kwargs)
    return module.forward(*args, **kwargs)


# What GradScope's native `_gradscope.module_setattr` (Module.__setattr__) does.
_PLAIN_VALUE_TYPES = (type(None), bool, int, float, str, list, tuple, dict)


def module_setattr(module, name, value):
    if isinstance(value, _PLAIN_VALUE_TYPES) and all(
        isinstance(registry, dict) and name not in registry
        for registry in (module.__dict__.get(n) for n in ("_parameters", "_buffers", "_modules"))
    ):
        object.__setattr__(module, name, value)
    else:
        module._setattr_registries(name, value)


# What GradScope's native `_gradscope.sgd_plain_step` (plain SGD.step) does.
def sgd_plain_step(params, lr):
    import torch

    if not isinstance(params, list) or type(lr) is not float:
        return False
    if not all(type(p) in (torch.Tensor, torch.nn.Parameter) for p in params):
        return False
    updates = [(p, p.grad) for p in params if p.grad is not None]
    for param, grad in updates:
        param.add_(grad, alpha=-lr)
    return True


# What GradScope's native `_gradscope.sgd_update` (`_single_tensor_sgd` without maximize) does.
def sgd_update(params, grads, momentum_buffer_list, weight_decay, momentum, lr, dampening, nesterov):
    import torch

    lists = (params, grads, momentum_buffer_list)
    numbers = (weight_decay, momentum, lr, dampening)
    if not all(isinstance(x, list) for x in lists) or not all(type(x) in (int, float) for x in numbers):
        return False
    if type(nesterov) is not bool or not all(type(t) in (torch.Tensor, torch.nn.Parameter) for t in params + grads):
        return False
    if not all(b is None or type(b) in (torch.Tensor, torch.nn.Parameter) for b in momentum_buffer_list):
        return False
    if not len(params) == len(grads) == len(momentum_buffer_list):
        return False
    for i, param in enumerate(params):
        grad = grads[i]
        if weight_decay != 0:
            grad = grad.add(param, alpha=weight_decay)
        if momentum != 0:
            buf = momentum_buffer_list[i]
            if buf is None:
                buf = grad.detach().clone()
                momentum_buffer_list[i] = buf
            else:
                buf.mul_(momentum).add_(grad, alpha=1 - dampening)
            grad = grad.add(buf, alpha=momentum) if nesterov else buf
        param.add_(grad, alpha=-lr)
    return True


# What GradScope's native `_gradscope.sgd_momentum_step` (SGD.step with momentum, no maximize) does.
def sgd_momentum_step(params, state, weight_decay, momentum, lr, dampening, nesterov):
    import collections
    import torch

    tensor_types = (torch.Tensor, torch.nn.Parameter)
    if not isinstance(params, list) or not all(type(p) in tensor_types for p in params):
        return False
    if type(state) is not collections.defaultdict or state.default_factory is not dict:
        return False
    if not all(type(x) in (int, float) for x in (weight_decay, momentum, lr, dampening)) or type(nesterov) is not bool:
        return False
    for p in params:
        if p in state:
            entry = state[p]
            if not isinstance(entry, dict):
                return False
            buffer = entry.get("momentum_buffer")
            if buffer is not None and type(buffer) not in tensor_types:
                return False
    with_grad = [p for p in params if p.grad is not None]
    grads = [p.grad for p in with_grad]
    buffers = [state[p].get("momentum_buffer") for p in with_grad]
    sgd_update(with_grad, grads, buffers, weight_decay, momentum, lr, dampening, nesterov)
    for p, buffer in zip(with_grad, buffers):
        state[p]["momentum_buffer"] = buffer
    return True


# What GradScope's native `_gradscope.clear_grads` (Optimizer.zero_grad with set_to_none) does.
def clear_grads(params):
    import torch

    if not isinstance(params, list) or not all(type(p) in (torch.Tensor, torch.nn.Parameter) for p in params):
        return False
    for p in params:
        if p.grad is not None:
            p.grad = None
    return True


def install():
    import torch
    import torch.nn.functional  # PyTorch's own, kept

    import torch.autograd.graph
    import warnings

    gradscope = types.ModuleType("_gradscope")
    gradscope.Parameter = torch.nn.Parameter
    gradscope.module_call_enter = lambda module, type_name: None
    gradscope.module_call = module_call
    gradscope.module_getattr = module_getattr
    gradscope.module_setattr = module_setattr
    gradscope.sgd_plain_step = sgd_plain_step
    gradscope.sgd_update = sgd_update
    gradscope.sgd_momentum_step = sgd_momentum_step
    gradscope.clear_grads = clear_grads
    gradscope.has_own_attribute = lambda obj, name: name in getattr(obj, "__dict__", {})
    gradscope.module_call_exit = lambda: None
    gradscope.warn = lambda message, category="UserWarning": warnings.warn(message, getattr(builtins, category), 3)
    gradscope.Node = torch.autograd.graph.Node
    gradscope.push_saved_tensors_hooks = torch._C._autograd._push_saved_tensors_default_hooks
    gradscope.pop_saved_tensors_hooks = torch._C._autograd._pop_saved_tensors_default_hooks
    gradscope.saved_tensors_hooks_disabled_message = torch._C._autograd._saved_tensors_hooks_get_disabled_error_message
    gradscope.disable_saved_tensors_hooks = lambda message: (
        torch._C._autograd._saved_tensors_hooks_enable()
        if message is None
        else torch._C._autograd._saved_tensors_hooks_disable(message)
    )
    sys.modules["_gradscope"] = gradscope

    # PyTorch's own code imports these at run time (Tensor.register_hook, the backward engine),
    # so they stay PyTorch's; the prelude's copies mirror them.
    modules = {name: entry for name, entry in prelude_modules().items() if name not in PYTORCH_KEPT}
    for name in modules:
        sys.modules.pop(name, None)
    sys.meta_path.insert(0, PreludeFinder(modules))
    for name in ("torch.nn", "torch.optim", "torch.distributions"):
        module = importlib.import_module(name)
        setattr(torch, name.split(".")[1], module)
    for name in sorted(modules):
        importlib.import_module(name)
    # torch.autograd stays PyTorch's package; the prelude's functional and gradcheck replace PyTorch's.
    torch.autograd.functional = sys.modules["torch.autograd.functional"]
    torch.autograd.gradcheck = sys.modules["torch.autograd.gradcheck"].gradcheck
    torch.autograd.gradgradcheck = sys.modules["torch.autograd.gradcheck"].gradgradcheck


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: prelude_harness.py SCRIPT.py")
    script = sys.argv[1]
    install()
    sys.argv = [script]
    sys.path.insert(0, os.path.dirname(os.path.abspath(script)))
    runpy.run_path(script, run_name="__main__")


if __name__ == "__main__":
    main()
