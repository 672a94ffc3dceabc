import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
cases = [((2, 3, 5), "nearest", {}), ((1, 2, 2, 3, 4), "nearest", {}), ((2, 3, 5), "nearest-exact", {}),
         ((1, 2, 4, 5), "nearest-exact", {}), ((1, 2, 2, 3, 4), "nearest-exact", {}),
         ((2, 3, 5), "linear", {"align_corners": False}), ((2, 3, 5), "linear", {"align_corners": True}),
         ((1, 2, 2, 3, 4), "trilinear", {"align_corners": False}), ((1, 2, 2, 3, 4), "trilinear", {"align_corners": True}),
         ((2, 3, 7), "area", {}), ((1, 2, 5, 6), "area", {})]
for shape, mode, kw in cases:
    for dtype in (torch.float32, torch.float64):
        x = torch.randn(shape, dtype=dtype, requires_grad=True)
        for extra in ({"scale_factor": 1.7}, {"size": [3] * (len(shape) - 2)}):
            y = F.interpolate(x, mode=mode, **kw, **extra)
            g = y.grad_fn
            print(mode, dtype, extra, tuple(y.shape), g.name(), getattr(g, "_saved_output_size", None))
            print(y.flatten()[:6].tolist())
            (y * torch.arange(y.numel(), dtype=dtype).view(y.shape)).sum().backward()
            print(x.grad.flatten()[:6].tolist())
            x.grad = None
print(nn.Upsample(scale_factor=2, mode="trilinear"), nn.Upsample(size=4, mode="nearest-exact"))
print(nn.Upsample(scale_factor=2, mode="linear")(torch.arange(3.0).view(1, 1, 3)))
for bad in [dict(mode="linear", input=torch.zeros(1, 1, 2, 2)), dict(mode="trilinear", input=torch.zeros(1, 1, 2)),
            dict(mode="nearest", input=torch.zeros(2, 2)), dict(mode="nearest", antialias=True, input=torch.zeros(1, 1, 2, 2))]:
    inp = bad.pop("input")
    try:
        F.interpolate(inp, scale_factor=2, **bad)
    except (NotImplementedError, ValueError) as e:
        print(type(e).__name__, e)
