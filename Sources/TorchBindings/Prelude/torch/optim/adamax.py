# torch.optim.Adamax, after PyTorch's torch/optim/adamax.py (_single_tensor_adamax, real
# dense parameters, not capturable).
import torch
from torch.optim._common import check_hyperparameters, column, weight_decayed
from torch.optim.optimizer import Optimizer


class Adamax(Optimizer):
    r"""Implements Adamax algorithm (a variant of Adam based on infinity norm)."""

    def __init__(
        self,
        params,
        lr=2e-3,
        betas=(0.9, 0.999),
        eps=1e-8,
        weight_decay=0,
        foreach=None,
        *,
        maximize=False,
        differentiable=False,
        capturable=False,
    ):
        check_hyperparameters(("lr", lr), ("eps", eps), ("betas", betas), ("weight_decay", weight_decay))

        defaults = {
            "lr": lr,
            "betas": betas,
            "eps": eps,
            "weight_decay": weight_decay,
            "foreach": foreach,
            "maximize": maximize,
            "differentiable": differentiable,
            "capturable": capturable,
        }
        super().__init__(params, defaults)

    def _init_state(self, state, p, group):
        state["step"] = torch.tensor(0.0, dtype=torch.float32)
        state["exp_avg"] = torch.zeros_like(p)
        state["exp_inf"] = torch.zeros_like(p)

    def step(self, closure=None):
        """Performs a single optimization step."""
        return self._step_groups(closure, self._step_group)

    def _step_group(self, group):
        params_with_grad, grads, states = self._params_with_grad(group, self._init_state)
        beta1, beta2 = group["betas"]
        _single_tensor_adamax(
            params_with_grad,
            grads,
            column(states, "exp_avg"),
            column(states, "exp_inf"),
            column(states, "step"),
            eps=group["eps"],
            beta1=beta1,
            beta2=beta2,
            lr=group["lr"],
            weight_decay=group["weight_decay"],
            maximize=group["maximize"],
        )


def _single_tensor_adamax(params, grads, exp_avgs, exp_infs, state_steps, *, eps, beta1, beta2, lr, weight_decay, maximize):
    if isinstance(lr, torch.Tensor):
        lr = lr.item()

    for i, param in enumerate(params):
        grad = grads[i]
        grad = grad if not maximize else -grad
        exp_avg = exp_avgs[i]
        exp_inf = exp_infs[i]
        step_t = state_steps[i]

        # update step
        step_t += 1

        grad = weight_decayed(param, grad, weight_decay)

        # Update biased first moment estimate.
        exp_avg.lerp_(grad, 1 - beta1)
        # Update the exponentially weighted infinity norm.
        torch.maximum(
            exp_inf.mul_(beta2),
            grad.abs().add_(eps),
            out=exp_inf,
        )

        bias_correction = 1 - beta1 ** step_t.item()
        clr = lr / bias_correction

        param.addcdiv_(exp_avg, exp_inf, value=-clr)
