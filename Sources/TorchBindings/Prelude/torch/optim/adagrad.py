# torch.optim.Adagrad, after PyTorch's torch/optim/adagrad.py (_single_tensor_adagrad, dense
# gradients).
import torch
from torch.optim._common import check_hyperparameters, column, weight_decayed
from torch.optim.optimizer import Optimizer


class Adagrad(Optimizer):
    r"""Implements Adagrad algorithm."""

    def __init__(
        self,
        params,
        lr=1e-2,
        lr_decay=0,
        weight_decay=0,
        initial_accumulator_value=0,
        eps=1e-10,
        foreach=None,
        *,
        maximize=False,
        differentiable=False,
        fused=None,
    ):
        check_hyperparameters(
            ("lr", lr),
            ("lr_decay", lr_decay),
            ("weight_decay", weight_decay),
            ("initial_accumulator_value", initial_accumulator_value),
            ("eps", eps),
        )

        defaults = {
            "lr": lr,
            "lr_decay": lr_decay,
            "eps": eps,
            "weight_decay": weight_decay,
            "initial_accumulator_value": initial_accumulator_value,
            "foreach": foreach,
            "maximize": maximize,
            "differentiable": differentiable,
            "fused": fused,
        }
        super().__init__(params, defaults)

        for group in self.param_groups:
            for p in group["params"]:
                state = self.state[p]
                state["step"] = torch.tensor(0.0, dtype=torch.float32)
                init_value = group["initial_accumulator_value"]
                state["sum"] = torch.full_like(p, init_value)

    def step(self, closure=None):
        """Perform a single optimization step."""
        return self._step_groups(closure, self._step_group)

    def _step_group(self, group):
        params_with_grad, grads, states = self._params_with_grad(group)
        _single_tensor_adagrad(
            params_with_grad,
            grads,
            column(states, "sum"),
            column(states, "step"),
            lr=group["lr"],
            weight_decay=group["weight_decay"],
            lr_decay=group["lr_decay"],
            eps=group["eps"],
            maximize=group["maximize"],
        )


def _single_tensor_adagrad(params, grads, state_sums, state_steps, *, lr, weight_decay, lr_decay, eps, maximize):
    for param, grad, state_sum, step_t in zip(params, grads, state_sums, state_steps):
        # update step
        step_t += 1
        step = step_t.item()
        grad = grad if not maximize else -grad

        grad = weight_decayed(param, grad, weight_decay)

        clr = lr / (1 + (step - 1) * lr_decay)

        state_sum.addcmul_(grad, grad, value=1)
        std = state_sum.sqrt().add_(eps)
        param.addcdiv_(grad, std, value=-clr)
