# F.affine_grid (torch.affine_grid_generator, AffineGridGeneratorBackward0) for 2-D and 3-D
# affine maps, align_corners both ways, unit-size dimensions: the grid and theta's gradient bit
# for bit (the base grid from linspace, then bmm with theta transposed), saved attributes, the
# argument checks' errors and the align_corners warning.
import torch
import torch.nn.functional as F


def bits(t):
    return [repr(v) for v in t.flatten().tolist()]


torch.manual_seed(0)
for size in [(2, 3, 4, 5), (2, 1, 1, 6), (2, 1, 9, 12)]:
    for align in [False, True]:
        theta = torch.randn(2, 2, 3, requires_grad=True)
        grid = F.affine_grid(theta, size, align_corners=align)
        (grid * torch.linspace(-1, 1, grid.numel()).view_as(grid)).sum().backward()
        print(size, align, tuple(grid.shape), grid.grad_fn.name())
        print(bits(grid))
        print(bits(theta.grad))

theta = torch.randn(2, 3, 4, dtype=torch.float64, requires_grad=True)
grid = F.affine_grid(theta, [2, 1, 3, 4, 5], align_corners=False)
grid.pow(2).sum().backward()
print(grid.shape, grid.dtype, bits(grid))
print(bits(theta.grad))

node = F.affine_grid(torch.randn(1, 2, 3, requires_grad=True), [1, 2, 3, 3], align_corners=True).grad_fn
print(node, node._saved_size, node._saved_align_corners, node.next_functions)
identity = torch.tensor([[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]])
print(F.affine_grid(identity, [1, 1, 2, 3]))

for theta, size in [
    (torch.zeros(1, 2, 3, dtype=torch.long), [1, 1, 2, 2]),
    (torch.zeros(1, 3, 3), [1, 1, 2, 2]),
    (torch.zeros(1, 2, 3), [1, 1, 2, 2, 2]),
    (torch.zeros(1, 2, 3), [1, 2, 2]),
    (torch.zeros(1, 2, 3), [1, 1, 0, 2]),
]:
    try:
        F.affine_grid(theta, size, align_corners=False)
    except (ValueError, NotImplementedError, RuntimeError) as e:
        print(type(e).__name__, e)
for size in [[1, 2, 3], [1, 1, -2, 3]]:
    try:
        torch.affine_grid_generator(torch.zeros(1, 2, 3), size, False)
    except RuntimeError as e:
        print(e)
print(F.affine_grid(identity, [1, 1, 1, 2]).shape)
