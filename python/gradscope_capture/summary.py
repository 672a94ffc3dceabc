"""Gradient summaries as GradScope writes them: shape, norm of the finite elements, min, max,
NaN/Inf counts, and the values of tensors of at most 16 elements. The common all-finite case
takes two passes: min/max (which propagate NaN and Inf, so finite ones mean all are) and the
norm, in the tensor's own dtype for large tensors unless that overflows."""
import math

import torch
from torch.utils._python_dispatch import _disable_current_modes

_EXACT_BELOW = 4096  # smaller tensors get their norm in float64, as GradScope computes it


def summarize(t):
    """The Summary object of tensor `t` (None stays None)."""
    if t is None:
        return None
    with torch.no_grad(), _disable_current_modes():
        d = t.detach()
        if not d.is_floating_point():
            d = d.to(torch.float64)
        values = d.reshape(-1).tolist() if d.numel() <= 16 else None
        if d.numel() == 0:
            return _record(t, 0.0, None, None, 0, 0, values)
        low, high = (float(x) for x in torch.aminmax(d))
        if math.isfinite(low) and math.isfinite(high):
            norm = float(torch.linalg.vector_norm(d)) if d.numel() > _EXACT_BELOW else math.inf
            if not math.isfinite(norm):
                norm = float(torch.linalg.vector_norm(d, dtype=torch.float64))
            return _record(t, norm, low, high, 0, 0, values)
        nan_mask = torch.isnan(d)
        nan = int(nan_mask.sum())
        finite = torch.isfinite(d)
        inf = d.numel() - nan - int(finite.sum())
        kept = d[~nan_mask]
        norm = torch.linalg.vector_norm(torch.where(finite, d, 0), dtype=torch.float64)
        low, high = (float(kept.min()), float(kept.max())) if kept.numel() else (None, None)
        return _record(t, float(norm), low, high, nan, inf, values)


def _record(t, norm, low, high, nan, inf, values):
    return {"shape": list(t.shape), "norm": norm, "min": low, "max": high, "nan": nan, "inf": inf, "values": values}
