# softmax and log_softmax forward and backward in PyTorch's order of operations (SoftMaxKernel.cpp,
# AVX-512 kernels): along the last dim reduce_all / map_reduce_all over 16-float (8-double) lanes
# with SLEEF's exp and log; along another dim a vector of inner positions at a time with a scalar
# tail (C library exp); backward sums with the kernels' fused multiply-adds. Rows of many lengths
# (below, at and above multiples of 8 and 16, and long), float32 and float64
import torch
torch.manual_seed(0)
def checksum(t):
    flat = t.detach().reshape(-1).tolist()
    weighted = 0.0
    for i, v in enumerate(flat):
        weighted += v * (i % 7 + 1)
    return [sum(flat), weighted, flat[0], flat[-1]]
for dt in [torch.float32, torch.float64]:
    for width in [1, 2, 3, 5, 7, 8, 9, 10, 15, 16, 17, 23, 24, 25, 31, 32, 33, 47, 48, 63, 64, 65, 100, 257, 1000]:
        x = (torch.randn(4, width, dtype=dt) * 3).requires_grad_()
        g = torch.randn(4, width, dtype=dt)
        s = torch.softmax(x, -1)
        ls = torch.log_softmax(x, dim=1)
        gs, = torch.autograd.grad(s, x, g)
        gl, = torch.autograd.grad(ls, x, g)
        print(dt, width, checksum(s), checksum(ls), checksum(gs), checksum(gl))
