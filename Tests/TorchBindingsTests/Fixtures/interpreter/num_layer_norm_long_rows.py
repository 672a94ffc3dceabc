# layer_norm forward and backward in PyTorch's order: RowwiseMoments over rows longer than 16
# vectors (chunks merged by AddMomentsVec: m1 + c * delta, fmadd(delta * m0, c * delta, m2 + m2_add)),
# and layer_norm_backward_frame (vector reductions of dy * x * gamma and dy * gamma, the fused
# dx / dgamma updates); float32 and float64, with and without weight and bias, nn.LayerNorm
import torch
import torch.nn.functional as F
torch.manual_seed(0)
def checksum(t):
    flat = t.detach().reshape(-1).tolist()
    weighted = 0.0
    for i, v in enumerate(flat):
        weighted += v * (i % 7 + 1)
    return [sum(flat), weighted, flat[0], flat[-1]]
for dt in [torch.float32, torch.float64]:
    for width in [136, 137, 255, 256, 257, 300, 384, 511, 512, 700, 1024, 2049, 5000]:
        x = torch.randn(3, width, dtype=dt) * 2 + 0.5
        print(dt, width, checksum(F.layer_norm(x, [width])))
    for width in [1, 3, 8, 17, 31, 64, 100, 137, 300, 1000]:
        x = (torch.randn(5, width, dtype=dt) * 2 + 0.5).requires_grad_()
        w = (torch.rand(width, dtype=dt) + 0.5).requires_grad_()
        b = torch.randn(width, dtype=dt, requires_grad=True)
        g = torch.randn(5, width, dtype=dt)
        gx, gw, gb = torch.autograd.grad(F.layer_norm(x, [width], w, b), (x, w, b), g)
        gx2, = torch.autograd.grad(F.layer_norm(x, [width], eps=1e-3), x, g)
        print(dt, width, checksum(gx), checksum(gw), checksum(gb), checksum(gx2))
ln = torch.nn.LayerNorm([4, 50])
x = torch.randn(6, 4, 50, requires_grad=True)
(ln(x) * torch.linspace(-1, 1, 50)).sum().backward()
print(checksum(x.grad), checksum(ln.weight.grad), checksum(ln.bias.grad))
