# What PyTorch's single-tensor optimizers share: their hyper-parameter checks (PyTorch's exact
# ValueError texts), weight decay, and Adam-style moment updates. Each optimizer's update loop
# stays in its own file, op for op as in torch/optim, so the digits match PyTorch's.
import torch

_ERROR_LABELS = {"lr": "learning rate", "eps": "epsilon value"}


def check_hyperparameters(*checks):
    """Raises PyTorch's ValueError for the first invalid hyper-parameter. `checks` are
    (name, value) pairs in the order the optimizer's own __init__ checks them: `lr` may be a
    one-element tensor, `betas` must each lie in [0, 1), `rho` in [0, 1], everything else >= 0."""
    for name, value in checks:
        if name == "lr" and isinstance(value, torch.Tensor) and value.numel() != 1:
            raise ValueError("Tensor lr must be 1-element")
        if name == "betas":
            for index in range(2):
                if not 0.0 <= value[index] < 1.0:
                    raise ValueError(f"Invalid beta parameter at index {index}: {value[index]}")
        elif name == "rho":
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"Invalid rho value: {value}")
        elif not 0.0 <= value:
            label = _ERROR_LABELS.get(name, name + " value")
            raise ValueError(f"Invalid {label}: {value}")


def weight_decayed(param, grad, weight_decay, lr=None, decoupled=False):
    """The gradient after weight decay: added to it as L2 (`grad + weight_decay * param`), or,
    decoupled as AdamW does it, applied to the parameter in place (`param *= 1 - lr * wd`)."""
    if weight_decay != 0:
        if decoupled:
            param.mul_(1 - lr * weight_decay)
        else:
            grad = grad.add(param, alpha=weight_decay)
    return grad


def update_moments(exp_avg, exp_avg_sq, grad, beta1, beta2):
    """Decays Adam's first and second moment running averages toward `grad`, in place."""
    exp_avg.lerp_(grad, 1 - beta1)
    exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)


def column(states, key):
    """The `key` entry of every parameter's state, in parameter order."""
    return [state[key] for state in states]
