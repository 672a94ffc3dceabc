# torch.optim.Rprop, after PyTorch's torch/optim/rprop.py (_single_tensor_rprop, real dense
# parameters, not capturable).
import torch
from torch.optim._common import check_hyperparameters, column
from torch.optim.optimizer import Optimizer


class Rprop(Optimizer):
    r"""Implements the resilient backpropagation algorithm."""

    def __init__(
        self,
        params,
        lr=1e-2,
        etas=(0.5, 1.2),
        step_sizes=(1e-6, 50),
        *,
        capturable=False,
        foreach=None,
        maximize=False,
        differentiable=False,
    ):
        check_hyperparameters(("lr", lr))
        if not 0.0 < etas[0] < 1.0 < etas[1]:
            raise ValueError(f"Invalid eta values: {etas[0]}, {etas[1]}")

        defaults = {
            "lr": lr,
            "etas": etas,
            "step_sizes": step_sizes,
            "foreach": foreach,
            "maximize": maximize,
            "differentiable": differentiable,
            "capturable": capturable,
        }
        super().__init__(params, defaults)

    def _init_state(self, state, p, group):
        lr = group["lr"]
        state["step"] = torch.zeros((), dtype=torch.float32)
        state["prev"] = torch.zeros_like(p)
        state["step_size"] = torch.full_like(p.grad, lr.item() if isinstance(lr, torch.Tensor) else lr)

    def step(self, closure=None):
        """Performs a single optimization step."""
        return self._step_groups(closure, self._step_group)

    def _step_group(self, group):
        params, grads, states = self._params_with_grad(group, self._init_state)
        etaminus, etaplus = group["etas"]
        step_size_min, step_size_max = group["step_sizes"]
        _single_tensor_rprop(
            params,
            grads,
            column(states, "prev"),
            column(states, "step_size"),
            column(states, "step"),
            step_size_min=step_size_min,
            step_size_max=step_size_max,
            etaminus=etaminus,
            etaplus=etaplus,
            maximize=group["maximize"],
        )


def _single_tensor_rprop(
    params, grads, prevs, step_sizes, state_steps, *, step_size_min, step_size_max, etaminus, etaplus, maximize
):
    for i, param in enumerate(params):
        grad = grads[i]
        grad = grad if not maximize else -grad
        prev = prevs[i]
        step_size = step_sizes[i]
        step = state_steps[i]

        step += 1

        sign = grad.mul(prev).sign()
        sign[sign.gt(0)] = etaplus
        sign[sign.lt(0)] = etaminus
        sign[sign.eq(0)] = 1

        # update stepsizes with step size updates
        step_size.mul_(sign).clamp_(step_size_min, step_size_max)

        # for dir<0, dfdx=0
        # for dir>=0 dfdx=dfdx
        grad = grad.clone()
        grad[sign.eq(etaminus)] = 0

        # update parameters
        param.addcmul_(grad.sign(), step_size, value=-1)
        prev.copy_(grad)
