"""Gradient summaries as GradScope writes them: shape, norm of the finite elements, min, max,
NaN/Inf counts, and the values of tensors of at most 16 elements."""
import torch


def summarize(t):
    """The Summary object of tensor `t` (None stays None)."""
    if t is None:
        return None
    with torch.no_grad():
        d = t.detach().to(torch.float64)
        finite = torch.isfinite(d)
        nan = int(torch.isnan(d).sum())
        inf = int(d.numel() - nan - int(finite.sum()))
        kept = d[~torch.isnan(d)]
        values = d.reshape(-1).tolist() if d.numel() <= 16 else None
        return {
            "shape": list(t.shape),
            "norm": float(torch.where(finite, d, 0.0).norm()),
            "min": float(kept.min()) if kept.numel() else None,
            "max": float(kept.max()) if kept.numel() else None,
            "nan": nan,
            "inf": inf,
            "values": values,
        }
