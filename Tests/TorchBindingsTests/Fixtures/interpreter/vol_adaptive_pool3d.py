# adaptive_avg_pool3d and adaptive_max_pool3d: uneven windows, None in output_size, a 1x1x1
# output (a mean, MeanBackward1), indices, gradients and finite differences.
import torch
import torch.nn.functional as F

torch.manual_seed(13)
x = torch.randn(2, 3, 5, 6, 7, requires_grad=True)
for size in [(2, 4, 3), 3, (None, 2, 5), (1, 1, 1)]:
    y = F.adaptive_avg_pool3d(x, size)
    gx, = torch.autograd.grad(y, x, torch.randn_like(y))
    print(y.shape, y.grad_fn.name(), y[1, 2, 0], gx[0, 1, 3, 2])
    m, i = F.adaptive_max_pool3d(x, size, return_indices=True)
    gm, = torch.autograd.grad(m, x, torch.randn_like(m))
    print(m.grad_fn.name(), m[0, 0, -1], i[0, 0, -1], gm[1, 1].abs().sum())
print(F.adaptive_avg_pool3d(x[0], (2, 2, 2)).shape, F.adaptive_max_pool3d(x[0], 4).shape)
xd = torch.randn(1, 2, 5, 4, 3, dtype=torch.float64, requires_grad=True)
print(torch.autograd.gradcheck(lambda t: F.adaptive_avg_pool3d(t, (3, 3, 2)), (xd,)))
print(torch.autograd.gradcheck(lambda t: F.adaptive_max_pool3d(t, (2, 3, 2)), (xd,)))
print(torch.nn.AdaptiveAvgPool3d((1, None, 2))(x).shape, torch.nn.AdaptiveMaxPool3d(2, return_indices=True)(x)[1].shape)
