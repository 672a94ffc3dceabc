# torch.nn.Parameter: a Tensor flagged as a module parameter. GradScope's host module makes it
# (PyTorch's torch/nn/parameter.py subclasses Tensor, which a script class cannot do here):
# `Parameter(data=None, requires_grad=True)` returns the tensor marked as a Parameter, it prints
# as "Parameter containing:\ntensor(...)" and isinstance(x, Parameter) tells parameters apart.
import torch
from _gradscope import Parameter


class UninitializedParameter:
    r"""A parameter that is not initialized: the placeholder a lazy module holds until its
    first forward call gives it a shape. Unlike PyTorch's (a Parameter subclass that turns
    into a Parameter in place), `materialize` returns the new Parameter for the module to keep.
    """

    cls_to_become = Parameter

    def __init__(self, requires_grad=True, device=None, dtype=None):
        self.requires_grad = requires_grad
        self.dtype = dtype

    def materialize(self, shape, device=None, dtype=None):
        r"""Create a Parameter with the same properties of the uninitialized one."""
        if dtype is None:
            dtype = self.dtype
        return Parameter(torch.empty(shape, dtype=dtype), self.requires_grad)

    def __repr__(self):
        return "<UninitializedParameter>"


def is_lazy(param):
    """Return whether param is an uninitialized parameter."""
    return isinstance(param, UninitializedParameter)
