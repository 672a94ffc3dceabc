# batch_norm's forward in PyTorch's order of operations: double sums for the statistics,
# var_sum / n divided in the tensor's type, invstd in double, running statistics updated in the
# type, and the output as one fused x * alpha + beta; (N, C) inputs take the channels-last path
# (running float sums); float32 and float64, training and eval, with and without affine
import torch
torch.manual_seed(0)
def checksum(t):
    flat = t.detach().reshape(-1).tolist()
    weighted = 0.0
    for i, v in enumerate(flat):
        weighted += v * (i % 7 + 1)
    return [sum(flat), weighted, flat[0], flat[-1]]
for dt in [torch.float32, torch.float64]:
    for shape in [(20, 100), (64, 3), (1, 4, 4), (8, 3, 5, 5), (4, 6, 37), (2, 5, 16), (3, 2, 7, 9)]:
        C = shape[1]
        x = torch.randn(*shape, dtype=dt) * 3 + 1
        w = torch.rand(C, dtype=dt) + 0.5
        b = torch.randn(C, dtype=dt)
        rm = torch.randn(C, dtype=dt)
        rv = torch.rand(C, dtype=dt) + 0.5
        y = torch.nn.functional.batch_norm(x, rm, rv, w, b, True, 0.1, 1e-5)
        print(dt, shape, "train", checksum(y), checksum(rm), checksum(rv))
        print(" eval", checksum(torch.nn.functional.batch_norm(x, rm, rv, w, b, False, 0.1, 1e-5)))
        y = torch.nn.functional.batch_norm(x, None, None, None, None, True, 0.1, 1e-3)
        print(" plain", checksum(y), y.mean().item())
m = torch.nn.BatchNorm1d(4)
t = torch.rand(1, 4, 4) * 20
print(m(t).mean(), m.running_mean, m.running_var)
m2 = torch.nn.BatchNorm2d(3, momentum=0.3)
for _ in range(3):
    out = m2(torch.randn(5, 3, 6, 6))
print(out.sum(dim=(0, 2, 3)), m2.running_mean, m2.running_var)
m2.eval()
print(m2(torch.randn(2, 3, 2, 2)))
