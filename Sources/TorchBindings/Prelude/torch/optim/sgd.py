# torch.optim.SGD, after PyTorch's torch/optim/sgd.py (_single_tensor_sgd).
import _gradscope
import torch
from torch.optim.optimizer import Optimizer


class SGD(Optimizer):
    r"""Implements stochastic gradient descent (optionally with momentum)."""

    def __init__(
        self,
        params,
        lr=1e-3,
        momentum=0,
        dampening=0,
        weight_decay=0,
        nesterov=False,
        *,
        maximize=False,
        foreach=None,
        differentiable=False,
        fused=None,
    ):
        if lr < 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        if momentum < 0.0:
            raise ValueError(f"Invalid momentum value: {momentum}")
        if weight_decay < 0.0:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")

        defaults = {
            "lr": lr,
            "momentum": momentum,
            "dampening": dampening,
            "weight_decay": weight_decay,
            "nesterov": nesterov,
            "maximize": maximize,
            "foreach": foreach,
            "differentiable": differentiable,
            "fused": fused,
        }
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")
        super().__init__(params, defaults)

    def _init_group(self, group, params, grads, momentum_buffer_list):
        for p in group["params"]:
            if p.grad is not None:
                params.append(p)
                grads.append(p.grad)

                if group["momentum"] != 0:
                    state = self.state[p]
                    momentum_buffer_list.append(state.get("momentum_buffer"))

    def step(self, closure=None):
        """Perform a single optimization step."""
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()

        with torch.no_grad():
            for group in self.param_groups:
                # Native for plain SGD (no momentum, weight decay or maximize): params.add_(grad, alpha=-lr).
                if (
                    group["momentum"] == 0
                    and group["weight_decay"] == 0
                    and not group["maximize"]
                    and _gradscope.sgd_plain_step(group["params"], group["lr"])
                ):
                    continue
                # Native with momentum too (buffers gathered from and stored back into the state), unless maximize.
                if (
                    group["momentum"] != 0
                    and not group["maximize"]
                    and _gradscope.sgd_momentum_step(
                        group["params"],
                        self.state,
                        group["weight_decay"],
                        group["momentum"],
                        group["lr"],
                        group["dampening"],
                        group["nesterov"],
                    )
                ):
                    continue
                params = []
                grads = []
                momentum_buffer_list = []

                self._init_group(group, params, grads, momentum_buffer_list)

                # Native unless maximize or the arguments are not plain (lists, ints, floats, bool).
                if group["maximize"] or not _gradscope.sgd_update(
                    params,
                    grads,
                    momentum_buffer_list,
                    group["weight_decay"],
                    group["momentum"],
                    group["lr"],
                    group["dampening"],
                    group["nesterov"],
                ):
                    _single_tensor_sgd(
                        params,
                        grads,
                        momentum_buffer_list,
                        weight_decay=group["weight_decay"],
                        momentum=group["momentum"],
                        lr=group["lr"],
                        dampening=group["dampening"],
                        nesterov=group["nesterov"],
                        maximize=group["maximize"],
                    )

                if group["momentum"] != 0:
                    # update momentum_buffers in state
                    for p, momentum_buffer in zip(params, momentum_buffer_list):
                        state = self.state[p]
                        state["momentum_buffer"] = momentum_buffer

        return loss


def _single_tensor_sgd(params, grads, momentum_buffer_list, *, weight_decay, momentum, lr, dampening, nesterov, maximize):
    for i, param in enumerate(params):
        grad = grads[i] if not maximize else -grads[i]

        if weight_decay != 0:
            grad = grad.add(param, alpha=weight_decay)

        if momentum != 0:
            buf = momentum_buffer_list[i]

            if buf is None:
                buf = grad.detach().clone()
                momentum_buffer_list[i] = buf
            else:
                buf.mul_(momentum).add_(grad, alpha=1 - dampening)

            if nesterov:
                grad = grad.add(buf, alpha=momentum)
            else:
                grad = buf

        param.add_(grad, alpha=-lr)
