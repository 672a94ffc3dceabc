# torch.optim.ASGD, after PyTorch's torch/optim/asgd.py (_single_tensor_asgd, real dense
# parameters, not capturable).
import torch
from torch.optim._common import check_hyperparameters, column, weight_decayed
from torch.optim.optimizer import Optimizer


class ASGD(Optimizer):
    r"""Implements Averaged Stochastic Gradient Descent."""

    def __init__(
        self,
        params,
        lr=1e-2,
        lambd=1e-4,
        alpha=0.75,
        t0=1e6,
        weight_decay=0,
        foreach=None,
        maximize=False,
        differentiable=False,
        capturable=False,
    ):
        check_hyperparameters(("lr", lr), ("lambd", lambd), ("alpha", alpha), ("weight_decay", weight_decay))

        defaults = {
            "lr": lr,
            "lambd": lambd,
            "alpha": alpha,
            "t0": t0,
            "weight_decay": weight_decay,
            "foreach": foreach,
            "maximize": maximize,
            "differentiable": differentiable,
            "capturable": capturable,
        }
        super().__init__(params, defaults)

    def _init_state(self, state, p, group):
        lr = group["lr"]
        state["step"] = torch.zeros((), dtype=torch.float32)
        state["eta"] = torch.as_tensor(lr.item() if isinstance(lr, torch.Tensor) else lr, dtype=torch.float32).clone().detach()
        state["mu"] = torch.ones((), dtype=torch.float32)
        state["ax"] = torch.zeros_like(p)

    def step(self, closure=None):
        """Performs a single optimization step."""
        return self._step_groups(closure, self._step_group)

    def _step_group(self, group):
        params, grads, states = self._params_with_grad(group, self._init_state)
        _single_tensor_asgd(
            params,
            grads,
            column(states, "ax"),
            column(states, "mu"),
            column(states, "eta"),
            column(states, "step"),
            lambd=group["lambd"],
            lr=group["lr"],
            t0=group["t0"],
            alpha=group["alpha"],
            weight_decay=group["weight_decay"],
            maximize=group["maximize"],
        )


def _single_tensor_asgd(params, grads, axs, mus, etas, state_steps, *, lambd, lr, t0, alpha, weight_decay, maximize):
    if isinstance(lr, torch.Tensor):
        lr = lr.item()

    for i, param in enumerate(params):
        grad = grads[i]
        grad = grad if not maximize else -grad
        mu = mus[i]
        ax = axs[i]
        eta = etas[i]
        step_t = state_steps[i]

        # update step
        step_t += 1

        grad = weight_decayed(param, grad, weight_decay)

        eta_value = eta.item()
        param.mul_(1 - lambd * eta_value)  # decay term
        param.add_(grad, alpha=-eta_value)  # update parameter

        # averaging
        if mu.item() != 1:
            ax.add_(param.sub(ax).mul_(mu))
        else:
            ax.copy_(param)

        step = step_t.item()
        new_eta = torch.as_tensor(lr / ((1 + lambd * lr * step) ** alpha))
        eta.copy_(new_eta)
        new_mu = torch.as_tensor(1 / max(1, step - t0))
        mu.copy_(new_mu)
