# PyTorch computes exp, log, sqrt, sin, cos and tanh of float32/float64 tensors with oneMKL's
# vector math (VML): seeded million-element inputs, contiguous and strided, and short tails,
# compared through float64 checksums (sums in PyTorch's order) and a few values with all digits
import torch
torch.manual_seed(0)
n = 1000000
weights = torch.rand(n, dtype=torch.float64)
def checksum(y):
    flat = y.reshape(-1).double()
    w = weights[:flat.numel()]
    return [flat.sum().item(), (flat * w).sum().item(), float(flat[0]), float(flat[-1])]
uniform = torch.rand(n) * 20 - 10
normal = torch.randn(n) * 3
inputs = {"uniform": uniform, "normal": normal}
for name, x in inputs.items():
    for dt in [torch.float32, torch.float64]:
        xs = x.to(dt)
        for fn in ["exp", "sin", "cos", "tanh"]:
            print(name, dt, fn, checksum(getattr(torch, fn)(xs)))
        for fn in ["log", "sqrt"]:
            print(name, dt, fn, checksum(getattr(torch, fn)(xs.abs())))
        print(name, dt, "strided sin", checksum(torch.sin(xs[::3])))
        print(name, dt, "transposed exp", checksum(torch.exp(xs[:999000].reshape(999, 1000).t())))
for length in list(range(1, 34)) + [63, 64, 65, 127, 2047, 2048, 2049]:
    part = normal[1000:1000 + length]
    print(length, [float(v) for v in torch.sin(part).tolist()][-3:], [float(v) for v in torch.exp(part).tolist()][-3:],
          [float(v) for v in torch.tanh(part).tolist()][-3:], [float(v) for v in torch.log(part.abs()).tolist()][-3:])
print(torch.sin(torch.arange(5)), torch.exp(torch.tensor([0.0, 1.0, -1.0, 88.0, -104.0, 89.0])))
print(uniform[:4].sin_(), torch.tensor([float("nan"), float("inf"), -float("inf"), 0.0, -0.0]).exp())
