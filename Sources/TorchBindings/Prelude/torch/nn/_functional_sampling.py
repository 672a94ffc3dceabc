# torch.nn.functional's sampling functions, as PyTorch 2.15's torch/nn/functional.py writes them.
import warnings

import torch


def gumbel_softmax(logits, tau=1, hard=False, eps=1e-10, dim=-1):
    r"""Sample from the Gumbel-Softmax distribution and optionally discretize: a one-hot
    ``hard`` sample whose gradient is the soft sample's (straight-through)."""
    if eps != 1e-10:
        warnings.warn("`eps` parameter is deprecated and has no effect.", stacklevel=2)
    # PyTorch's legacy_contiguous_format: row-major whatever the logits' strides.
    gumbels = -torch.empty(logits.shape, dtype=logits.dtype).exponential_().log()  # ~Gumbel(0,1)
    gumbels = (logits + gumbels) / tau  # ~Gumbel(logits,tau)
    y_soft = gumbels.softmax(dim)
    if hard:
        # Straight through.
        index = y_soft.max(dim, keepdim=True)[1]
        y_hard = torch.zeros(logits.shape, dtype=logits.dtype).scatter_(dim, index, 1.0)
        ret = y_hard - y_soft.detach() + y_soft
    else:
        # Reparametrization trick.
        ret = y_soft
    return ret
