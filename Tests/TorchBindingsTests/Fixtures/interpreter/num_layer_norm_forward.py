# layer_norm's forward in PyTorch's order of operations: RowwiseMoments (Welford per 8-float or
# 4-double vector lane, the tail one by one, the lanes merged), rstd = 1 / sqrt(var + eps) in the
# tensor's type, y = ((x - mean) * rstd) * gamma + beta; rows of up to 16 vectors, float32 and
# float64, with and without affine parameters, and nn.LayerNorm over several trailing dims
import torch
torch.manual_seed(0)
def checksum(t):
    flat = t.detach().reshape(-1).tolist()
    weighted = 0.0
    for i, v in enumerate(flat):
        weighted += v * (i % 7 + 1)
    return [sum(flat), weighted, flat[0], flat[-1]]
for dt in [torch.float32, torch.float64]:
    limit = 135 if dt == torch.float32 else 67
    for width in list(range(1, 40)) + [63, 64, 65, limit] + ([100] if dt == torch.float32 else []):
        x = torch.randn(5, width, dtype=dt) * 2 + 0.5
        w = torch.rand(width, dtype=dt) + 0.5
        b = torch.randn(width, dtype=dt)
        y = torch.nn.functional.layer_norm(x, [width], w, b)
        plain = torch.nn.functional.layer_norm(x, [width], eps=1e-3)
        print(dt, width, checksum(y), checksum(plain), plain.mean(-1).tolist()[:2])
ln = torch.nn.LayerNorm([2, 4, 4])
x = torch.randn(3, 2, 4, 4)
out = ln(x)
print(out[0, 0], out[1].mean(), out[2].var(unbiased=False))
ln2 = torch.nn.LayerNorm(10)
out = ln2(torch.randn(20, 5, 10) * 3)
print(out[0, 0], out.mean(-1)[0], out.std(-1, unbiased=False)[0])
