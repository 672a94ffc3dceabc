# torch.optim.NAdam, after PyTorch's torch/optim/nadam.py (_single_tensor_nadam, real dense
# parameters, not capturable nor differentiable).
import torch
from torch.optim._common import check_hyperparameters, column, update_moments, weight_decayed
from torch.optim.optimizer import Optimizer


class NAdam(Optimizer):
    r"""Implements NAdam algorithm."""

    def __init__(
        self,
        params,
        lr=2e-3,
        betas=(0.9, 0.999),
        eps=1e-8,
        weight_decay=0,
        momentum_decay=4e-3,
        decoupled_weight_decay=False,
        *,
        foreach=None,
        maximize=False,
        capturable=False,
        differentiable=False,
    ):
        check_hyperparameters(
            ("lr", lr), ("eps", eps), ("betas", betas), ("weight_decay", weight_decay), ("momentum_decay", momentum_decay)
        )
        defaults = {
            "lr": lr,
            "betas": betas,
            "eps": eps,
            "weight_decay": weight_decay,
            "momentum_decay": momentum_decay,
            "decoupled_weight_decay": decoupled_weight_decay,
            "maximize": maximize,
            "foreach": foreach,
            "capturable": capturable,
            "differentiable": differentiable,
        }
        super().__init__(params, defaults)

    def _init_state(self, state, p, group):
        state["step"] = torch.tensor(0.0, dtype=torch.float32)
        state["mu_product"] = torch.tensor(1.0, dtype=torch.float32)
        # Exponential moving average of gradient values
        state["exp_avg"] = torch.zeros_like(p)
        # Exponential moving average of squared gradient values
        state["exp_avg_sq"] = torch.zeros_like(p)

    def step(self, closure=None):
        """Perform a single optimization step."""
        return self._step_groups(closure, self._step_group)

    def _step_group(self, group):
        params_with_grad, grads, states = self._params_with_grad(group, self._init_state)
        beta1, beta2 = group["betas"]
        _single_tensor_nadam(
            params_with_grad,
            grads,
            column(states, "exp_avg"),
            column(states, "exp_avg_sq"),
            column(states, "mu_product"),
            column(states, "step"),
            beta1=beta1,
            beta2=beta2,
            lr=group["lr"],
            weight_decay=group["weight_decay"],
            momentum_decay=group["momentum_decay"],
            eps=group["eps"],
            maximize=group["maximize"],
            decoupled_weight_decay=group["decoupled_weight_decay"],
        )


def _single_tensor_nadam(
    params,
    grads,
    exp_avgs,
    exp_avg_sqs,
    mu_products,
    state_steps,
    *,
    beta1,
    beta2,
    lr,
    weight_decay,
    momentum_decay,
    eps,
    decoupled_weight_decay,
    maximize,
):
    if isinstance(lr, torch.Tensor):
        lr = lr.item()

    for i, param in enumerate(params):
        grad = grads[i] if not maximize else -grads[i]
        exp_avg = exp_avgs[i]
        exp_avg_sq = exp_avg_sqs[i]
        mu_product = mu_products[i]
        step_t = state_steps[i]

        # update step
        step_t += 1
        step = step_t.item()

        bias_correction2 = 1 - beta2**step

        grad = weight_decayed(param, grad, weight_decay, lr, decoupled_weight_decay)

        # calculate the momentum cache \mu^{t} and \mu^{t+1}
        mu = beta1 * (1.0 - 0.5 * (0.96 ** (step * momentum_decay)))
        mu_next = beta1 * (1.0 - 0.5 * (0.96 ** ((step + 1) * momentum_decay)))

        # update mu_product
        mu_product *= mu

        # decay the first and second moment running average coefficient
        update_moments(exp_avg, exp_avg_sq, grad, beta1, beta2)
        denom = exp_avg_sq.div(bias_correction2).sqrt()

        mu_product_next = mu_product.item() * mu_next
        denom.add_(eps)
        param.addcdiv_(grad, denom, value=(-lr * (1.0 - mu) / (1.0 - mu_product.item())))
        param.addcdiv_(exp_avg, denom, value=(-lr * mu_next) / (1.0 - mu_product_next))
