# softmax / log_softmax over a dimension that is not the last (softmax_kernel: 16 inner positions
# per vector, the rest on the scalar path) and over a last dimension of a 3-d tensor, forward and
# backward, float32 and float64; a dim followed by size-1 dims still takes the non-last kernel
import torch
torch.manual_seed(1)
def checksum(t):
    flat = t.detach().reshape(-1).tolist()
    weighted = 0.0
    for i, v in enumerate(flat):
        weighted += v * (i % 7 + 1)
    return [sum(flat), weighted, flat[0], flat[-1]]
for dt in [torch.float32, torch.float64]:
    for size in [1, 3, 10, 37]:
        for inner in [1, 2, 7, 8, 15, 16, 17, 33, 50]:
            x = (torch.randn(3, size, inner, dtype=dt) * 2).requires_grad_()
            g = torch.randn(3, size, inner, dtype=dt)
            s = x.softmax(1)
            ls = x.log_softmax(1)
            gs, = torch.autograd.grad(s, x, g)
            gl, = torch.autograd.grad(ls, x, g)
            print(dt, size, inner, checksum(s), checksum(ls), checksum(gs), checksum(gl))
    x = torch.randn(2, 6, 1, 1, dtype=dt, requires_grad=True)
    y = torch.nn.functional.softmax(x, dim=1)
    (y * torch.arange(6.0, dtype=dt).view(1, 6, 1, 1)).sum().backward()
    print(checksum(y), checksum(x.grad))
    x = torch.randn(5, 3, 20, dtype=dt, requires_grad=True)
    y = torch.log_softmax(x, 0)
    y.backward(torch.ones_like(y))
    print(checksum(y), checksum(x.grad))
    t = x.detach().transpose(1, 2)
    print(checksum(t.softmax(2)), checksum(t.log_softmax(-1)), checksum(torch.softmax(x[0, 0], 0)))
