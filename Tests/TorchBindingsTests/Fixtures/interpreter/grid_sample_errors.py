# F.grid_sample's argument checks and grid_sampler's shape and dtype errors, with PyTorch's texts.
import torch
import torch.nn.functional as F

x = torch.zeros(1, 2, 4, 5)
g = torch.zeros(1, 3, 4, 2)
cases = [
    lambda: F.grid_sample(x, g, mode="linear", align_corners=False),
    lambda: F.grid_sample(x, g, padding_mode="wrap", align_corners=False),
    lambda: F.grid_sample(x, g.double(), align_corners=False),
    lambda: F.grid_sample(x, g[0], align_corners=False),
    lambda: F.grid_sample(x, torch.zeros(2, 3, 4, 2), align_corners=False),
    lambda: F.grid_sample(x, torch.zeros(1, 3, 4, 3), align_corners=False),
    lambda: F.grid_sample(x[0], g[0], align_corners=False),
    lambda: F.grid_sample(torch.zeros(1, 2, 0, 3), g, align_corners=False),
    lambda: F.grid_sample(x.long(), g.long(), align_corners=False),
    lambda: torch.grid_sampler_2d(x, g, 0, 0, False).shape,
    lambda: F.grid_sample(x, torch.zeros(1, 3, 4, 2, 2), align_corners=False),
]
for case in cases:
    try:
        print(case())
    except (ValueError, RuntimeError, NotImplementedError) as e:
        print(type(e).__name__, e)
y = F.grid_sample(x, g)
print(y.shape)
