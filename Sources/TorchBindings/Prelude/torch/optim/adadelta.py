# torch.optim.Adadelta, after PyTorch's torch/optim/adadelta.py (_single_tensor_adadelta, real
# dense parameters, not capturable).
import torch
from torch.optim._common import check_hyperparameters, column, weight_decayed
from torch.optim.optimizer import Optimizer


class Adadelta(Optimizer):
    r"""Implements Adadelta algorithm."""

    def __init__(
        self,
        params,
        lr=1.0,
        rho=0.9,
        eps=1e-6,
        weight_decay=0,
        foreach=None,
        *,
        capturable=False,
        maximize=False,
        differentiable=False,
    ):
        check_hyperparameters(("lr", lr), ("rho", rho), ("eps", eps), ("weight_decay", weight_decay))

        defaults = {
            "lr": lr,
            "rho": rho,
            "eps": eps,
            "weight_decay": weight_decay,
            "maximize": maximize,
            "capturable": capturable,
            "foreach": foreach,
            "differentiable": differentiable,
        }
        super().__init__(params, defaults)

    def _init_state(self, state, p, group):
        state["step"] = torch.zeros((), dtype=torch.float32)
        state["square_avg"] = torch.zeros_like(p)
        state["acc_delta"] = torch.zeros_like(p)

    def step(self, closure=None):
        """Perform a single optimization step."""
        return self._step_groups(closure, self._step_group)

    def _step_group(self, group):
        params_with_grad, grads, states = self._params_with_grad(group, self._init_state)
        _single_tensor_adadelta(
            params_with_grad,
            grads,
            column(states, "square_avg"),
            column(states, "acc_delta"),
            column(states, "step"),
            lr=group["lr"],
            rho=group["rho"],
            eps=group["eps"],
            weight_decay=group["weight_decay"],
            maximize=group["maximize"],
        )


def _single_tensor_adadelta(params, grads, square_avgs, acc_deltas, state_steps, *, lr, rho, eps, weight_decay, maximize):
    if isinstance(lr, torch.Tensor):
        lr = lr.item()

    for param, grad, square_avg, acc_delta, step in zip(params, grads, square_avgs, acc_deltas, state_steps):
        step += 1
        grad = grad if not maximize else -grad

        grad = weight_decayed(param, grad, weight_decay)

        square_avg.mul_(rho).addcmul_(grad, grad, value=1 - rho)
        std = square_avg.add(eps).sqrt_()
        delta = acc_delta.add(eps).sqrt_()
        delta.div_(std).mul_(grad)
        acc_delta.mul_(rho).addcmul_(delta, delta, value=1 - rho)

        param.add_(delta, alpha=-lr)
