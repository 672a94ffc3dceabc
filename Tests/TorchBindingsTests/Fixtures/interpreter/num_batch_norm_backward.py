# batch_norm's backward in PyTorch's order (batch_norm_cpu_backward_contiguous_impl: per-plane
# vector reductions with the fused tail, k = float(dotp) * invstd^2 / N; for one value per sample
# and channel the channels-last kernels, whose whole vectors of channels fuse dx and whose
# partial last vector does not); training and eval, float32 and float64, nn.BatchNorm1d/2d
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
def checksum(t):
    flat = t.detach().reshape(-1).tolist()
    weighted = 0.0
    for i, v in enumerate(flat):
        weighted += v * (i % 7 + 1)
    return [sum(flat), weighted, flat[0], flat[-1]]
for dt in [torch.float32, torch.float64]:
    for shape in [(8, 3), (33, 5), (16, 20), (7, 13), (4, 3, 5, 5), (16, 6, 9, 9), (5, 4, 7), (2, 3, 40), (3, 10, 17)]:
        C = shape[1]
        x = (torch.randn(*shape, dtype=dt) * 2 + 0.5).requires_grad_()
        w = (torch.rand(C, dtype=dt) + 0.5).requires_grad_()
        b = torch.randn(C, dtype=dt, requires_grad=True)
        g = torch.randn(*shape, dtype=dt)
        rm = torch.randn(C, dtype=dt) * 0.1
        rv = torch.rand(C, dtype=dt) + 0.5
        for training in [True, False]:
            y = F.batch_norm(x, rm, rv, w, b, training=training)
            gx, gw, gb = torch.autograd.grad(y, (x, w, b), g)
            print(dt, shape, training, checksum(y), checksum(gx), checksum(gw), checksum(gb))
        print(checksum(rm), checksum(rv))
bn = nn.BatchNorm2d(4)
x = torch.randn(6, 4, 5, 5, requires_grad=True)
for step in range(3):
    out = bn(x * (step + 1))
    (out * torch.linspace(-1, 1, 5)).sum().backward()
    print(step, checksum(x.grad), checksum(bn.weight.grad), checksum(bn.running_var))
bn1 = nn.BatchNorm1d(12)
x = torch.randn(10, 12, requires_grad=True)
(bn1(x) ** 2).sum().backward()
print(checksum(x.grad), checksum(bn1.weight.grad), checksum(bn1.bias.grad))
