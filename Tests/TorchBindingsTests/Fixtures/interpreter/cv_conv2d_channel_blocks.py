# Float32 conv2d forward and gradients in oneDNN's order: channel counts that are not multiples of
# its 16-channel blocks (5 -> 7, 20 -> 18, 40 -> 24), batch 3, padding; each tensor as a weighted float64 sum.
import torch
import torch.nn.functional as F


def bits(t):
    # A weighted float64 sum of every value: a last-bit change of one float32 value changes it.
    total = 0.0
    for i, v in enumerate(t.detach().flatten().tolist()):
        total += v * (i % 7 + 1)
    return total


torch.manual_seed(0)
for shape, wshape, padding in [((3, 5, 9, 9), (7, 5, 3, 3), 1), ((3, 20, 7, 8), (18, 20, 3, 3), 1),
                               ((2, 40, 6, 6), (24, 40, 3, 3), 0), ((3, 1, 12, 12), (6, 1, 5, 5), 2)]:
    x = torch.rand(*shape, requires_grad=True)
    w = (torch.randn(*wshape) * 0.2).requires_grad_()
    b = torch.randn(wshape[0], requires_grad=True)
    y = F.conv2d(x, w, b, padding=padding)
    y.backward(torch.randn_like(y))
    print(tuple(y.shape), bits(y), bits(x.grad), bits(w.grad), bits(b.grad))
    print(y.flatten()[:4].tolist(), w.grad.flatten()[:3].tolist(), x.grad.flatten()[-3:].tolist())
