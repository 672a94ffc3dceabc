# torch.linspace and torch.arange element values as PyTorch's CPU kernels compute them (fused multiply-add, vector lanes), float32 and float64, printed with all digits
import math
import torch

def digits(t):
    return [float(v) for v in t.tolist()]

for start, end, steps in [(-math.pi, math.pi, 2000), (0, 1, 10), (-1, 1, 37), (0, 10, 100), (-3.3, 7.1, 513), (2, 2, 1), (5, -5, 11)]:
    for dtype in (torch.float32, torch.float64):
        v = digits(torch.linspace(start, end, steps, dtype=dtype))
        print(steps, dtype, v[:3], v[steps // 2 - 1:steps // 2 + 2], v[-2:], sum(v))
print(torch.linspace(-math.pi, math.pi, 2000)[1].item())
print(torch.linspace(0, 10, 7, dtype=torch.int64))
for start, end, step in [(0, 1, 0.1), (-5, 5, 0.1), (0, 3, 0.01), (1.5, 40.2, 0.37), (0, 100, 0.3), (-7.25, 3.1, 0.013)]:
    for dtype in (torch.float32, torch.float64):
        v = digits(torch.arange(start, end, step, dtype=dtype))
        print(len(v), dtype, v[:3], v[15:19], v[-3:], sum(v))
print(torch.arange(0, 1, 0.1))
