# torch.autograd.function after PyTorch's torch/autograd/function.py: Function (GradScope's own,
# torch.autograd.Function) and the once_differentiable decorator. DelayedError, the grad_fn
# once_differentiable gives outputs that require grad, is a Function here whose backward raises.
import functools

import torch

__all__ = ["Function", "once_differentiable"]

Function = torch.autograd.Function


class _DelayedError(Function):
    """Passes its inputs through; differentiating it raises `msg` (torch.autograd._functions' DelayedError)."""

    @staticmethod
    def forward(ctx, msg, *inputs):
        ctx.msg = msg
        return tuple(i.clone() for i in inputs) if len(inputs) > 1 else inputs[0].clone()

    @staticmethod
    def backward(ctx, *grad_outputs):
        raise RuntimeError(ctx.msg)


def once_differentiable(fn):
    @functools.wraps(fn)
    def wrapper(ctx, *args, **kwargs):
        with torch.no_grad():
            outputs = fn(ctx, *args, **kwargs)

        if not torch.is_grad_enabled():
            return outputs

        # If any of the inputs have requires_grad=True, we force the outputs
        # to have requires_grad=True but point to a grad_fn which throws an
        # error message during (double) back-propagation.
        requires_grad = any(
            isinstance(arg, torch.Tensor) and arg.requires_grad for arg in args
        )
        if not requires_grad:
            return outputs

        if not isinstance(outputs, tuple):
            outputs_ = (outputs,)
        else:
            outputs_ = outputs

        def fake_requires_grad(var):
            if var is not None:
                var = var.detach()
                var.requires_grad = True
            return var

        return _DelayedError.apply(
            "trying to differentiate twice a function that was marked with @once_differentiable",
            *[fake_requires_grad(v) for v in outputs_],
        )

    return wrapper
