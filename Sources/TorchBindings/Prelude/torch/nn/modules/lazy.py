# LazyModuleMixin, after PyTorch's torch/nn/modules/lazy.py: parameters stay uninitialized until
# the first forward call infers their shapes from the input, then the module turns into its
# `cls_to_become` (LazyLinear -> Linear) by assigning __class__, as PyTorch does.
from torch.nn.parameter import is_lazy


class LazyModuleMixin:
    r"""A mixin for modules that lazily initialize parameters."""

    cls_to_become = None

    def __init__(self, *args, **kwargs):
        # Mypy doesnt like this super call in a mixin
        super().__init__(*args, **kwargs)
        self._initialize_hook = self.register_forward_pre_hook(self._infer_parameters)

    def initialize_parameters(self, *args, **kwargs):
        r"""Initialize parameters according to the input batch properties."""
        raise NotImplementedError(f"initialize_parameters is not implemented for {self.__class__.__name__}")

    def has_uninitialized_params(self):
        r"""Check if a module has parameters that are not initialized."""
        for param in list(self._parameters.values()) + list(self._buffers.values()):
            if is_lazy(param):
                return True
        return False

    def _infer_parameters(self, module, args):
        r"""Infers the size and initializes the parameters according to the provided input batch."""
        module.initialize_parameters(*args)
        if module.has_uninitialized_params():
            raise RuntimeError(f"module {self._get_name()} has not been fully initialized")
        module._initialize_hook.remove()
        delattr(module, "_initialize_hook")
        if module.cls_to_become is not None:
            module.__class__ = module.cls_to_become
