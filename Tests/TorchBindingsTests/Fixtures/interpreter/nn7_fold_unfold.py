import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(7)
x = torch.randn(2, 3, 5, 6, requires_grad=True)
u = F.unfold(x, kernel_size=(2, 3), dilation=(2, 1), padding=1, stride=(2, 2))
print(u.shape, u.grad_fn.name())
print(u.grad_fn._saved_kernel_size, u.grad_fn._saved_dilation, u.grad_fn._saved_padding, u.grad_fn._saved_stride,
      u.grad_fn._saved_self_sym_argsize_minus_1, u.grad_fn._saved_self_sym_argsize_minus_2)
print(u[1, :7])
(u * torch.arange(float(u.shape[2])).cos()).sum().backward()
print(x.grad[0, 1])

f = F.fold(u, (5, 6), (2, 3), dilation=(2, 1), padding=1, stride=2)
print(f.shape, f.grad_fn.name(), f.grad_fn._saved_kernel_size, f.grad_fn._saved_stride)
print(f[1, 2])

# fold with overlapping blocks sums in aten's order; its gradient is an unfold
cols = torch.randn(1, 2 * 3 * 3, 16, dtype=torch.float64, requires_grad=True)
img = F.fold(cols, output_size=6, kernel_size=3)
print(img)
g, = torch.autograd.grad(img.pow(2).sum(), cols, create_graph=True)
print(g.grad_fn.name(), g.grad_fn.next_functions[0][0].name())
gg, = torch.autograd.grad(g.sum(), cols)
print(gg[0, :4])

# unbatched input and output
v = torch.arange(24.0).reshape(2, 3, 4)
print(F.unfold(v, 2))
print(F.fold(F.unfold(v, 2), (3, 4), 2))
print(F.unfold(torch.arange(16.0).view(1, 1, 4, 4), 2, stride=2).view(4, 4))

m = nn.Unfold(kernel_size=2, dilation=1, padding=0, stride=1)
n = nn.Fold(output_size=(3, 3), kernel_size=2)
print(m, n, nn.Fold(4, 2, 1, 1, 2))
print(n(m(torch.ones(1, 1, 3, 3))))
print(nn.Sequential(nn.Unfold(2), nn.Fold((4, 4), 2)))

for bad in [
    lambda: F.unfold(torch.ones(2, 4), 2),
    lambda: F.unfold(torch.ones(1, 1, 2, 2), 3),
    lambda: F.unfold(torch.ones(1, 1, 4, 4), 0),
    lambda: F.unfold(torch.ones(1, 1, 4, 4), 2, padding=-1),
    lambda: F.unfold(torch.ones(1, 1, 4, 4), 2, stride=0),
    lambda: F.unfold(torch.ones(1, 1, 4, 4), 2, dilation=(0, 1)),
    lambda: F.unfold(torch.ones(1, 1, 4, 4), (2, 2, 2)),
    lambda: F.unfold(torch.ones(1, 1, 4, 4, 4), 2),
    lambda: F.unfold(torch.arange(16).view(1, 1, 4, 4), 2),
    lambda: F.fold(torch.ones(1, 5, 2), (2, 3), 2),
    lambda: F.fold(torch.ones(1, 4, 3), (2, 3), 2),
    lambda: F.fold(torch.ones(4), (2, 3), 2),
    lambda: F.fold(torch.ones(1, 4, 3), (2, 3), 2, stride=0),
    lambda: F.fold(torch.ones(1, 4, 1), (2, 3), (2, 2, 1)),
    lambda: F.fold(torch.ones(1, 4, 1), (1, 1), 2),
    lambda: F.fold(torch.arange(8).view(1, 4, 2), (2, 3), 2),
    lambda: F.unfold(torch.ones(1, 1, 4, 4)),
    lambda: F.fold(torch.ones(1, 4, 2)),
]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
