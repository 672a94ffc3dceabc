"""Gradient summaries as GradScope writes them: shape, norm of the finite elements, min, max,
NaN/Inf counts, and the values of tensors of at most 16 elements. The common all-finite case
takes two kernels: min/max (which propagate NaN and Inf, so finite ones mean all are) and the
norm, in the tensor's own dtype for large tensors unless that overflows; tensors of at most 16
elements are summarised in Python from their values. Numbers are stored
already in the JSON's form (jsonout.number), so writing the graph needs no walk over it.

Callers run it with the capture's modes off (`_disable_current_modes`) or busy: the kernels it
runs are the capture's own, not the user's."""
import math

import torch

from .jsonout import number

_EXACT_BELOW = 4096  # smaller tensors get their norm in float64, as GradScope computes it


def summarize(t):
    """The Summary object of tensor `t` (None stays None)."""
    if t is None:
        return None
    d = t.detach()
    if not d.is_floating_point():
        d = d.to(torch.float64)
    n = d.numel()
    if n <= 16:
        return _small(t, d.reshape(-1).tolist())
    low, high = torch.aminmax(d)
    low, high = low.item(), high.item()
    if math.isfinite(low) and math.isfinite(high):
        norm = torch.linalg.vector_norm(d).item() if n > _EXACT_BELOW else math.inf
        if not math.isfinite(norm):
            norm = torch.linalg.vector_norm(d, dtype=torch.float64).item()
        return _record(t, number(norm), number(low), number(high), 0, 0, None)
    nan_mask = torch.isnan(d)
    nan = int(nan_mask.sum())
    finite = torch.isfinite(d)
    inf = n - nan - int(finite.sum())
    kept = d[~nan_mask]
    norm = torch.linalg.vector_norm(torch.where(finite, d, 0), dtype=torch.float64).item()
    low, high = (number(kept.min().item()), number(kept.max().item())) if kept.numel() else (None, None)
    return _record(t, number(norm), low, high, nan, inf, None)


def _small(t, values):
    """The summary of a tensor of at most 16 elements from its values, without kernels
    (math.hypot: the float64 norm, as GradScope computes it)."""
    finite = [v for v in values if math.isfinite(v)]
    nan = sum(1 for v in values if v != v)
    kept = [v for v in values if v == v]
    low, high = (number(min(kept)), number(max(kept))) if kept else (None, None)
    return _record(t, number(math.hypot(*finite)), low, high, nan, len(values) - len(finite) - nan,
                   [number(v) for v in values])


def _record(t, norm, low, high, nan, inf, values):
    return {"shape": list(t.shape), "norm": norm, "min": low, "max": high, "nan": nan, "inf": inf, "values": values}
