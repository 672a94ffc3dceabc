# F.grid_sample on the CPU, bilinear and nearest, zeros/border/reflection padding, align_corners
# both ways: values and both gradients bit for bit (ATen's vectorized kernel: 8 float or 4 double
# lanes per chunk, the input gradient scattered corner by corner per chunk), a grid that is not
# contiguous (walked row by row), grad_fn names and saved attributes.
import torch
import torch.nn.functional as F


def bits(t):
    return [repr(v) for v in t.flatten().tolist()]


torch.manual_seed(0)
x = torch.randn(2, 3, 5, 7)
# Locations inside, on and past the edges, several of them falling on the same pixels.
grid = torch.rand(2, 6, 5, 2) * 2.6 - 1.3
grid[0, 0, 0] = torch.tensor([1.0, -1.0])
grid[0, 0, 1] = torch.tensor([0.0, 0.0])
grid[1, 2, 3] = torch.tensor([-1.0, 1.0])
for mode in ["bilinear", "nearest"]:
    for padding in ["zeros", "border", "reflection"]:
        for align in [False, True]:
            xi = x.clone().requires_grad_()
            gi = grid.clone().requires_grad_()
            y = F.grid_sample(xi, gi, mode=mode, padding_mode=padding, align_corners=align)
            (y * torch.linspace(-1, 2, y.numel()).view_as(y)).sum().backward()
            print(mode, padding, align, tuple(y.shape), y.grad_fn.name())
            print(bits(y))
            print(bits(xi.grad))
            print(bits(gi.grad))

# float64: 8 lanes per chunk.
xd = x.double().requires_grad_()
gd = grid.double().requires_grad_()
y = F.grid_sample(xd, gd, padding_mode="reflection", align_corners=False)
y.sum().backward()
print(y.dtype, bits(y))
print(bits(xd.grad))
print(bits(gd.grad))

# A grid made of two [N, H, W] planes: its W dimension is contiguous, its slices are not.
planes = (torch.rand(2, 2, 4, 9) * 2 - 1).requires_grad_()
xi = x.clone().requires_grad_()
y = F.grid_sample(xi, planes.permute(0, 2, 3, 1), align_corners=True)
y.pow(2).sum().backward()
print(bits(y))
print(bits(xi.grad))
print(bits(planes.grad))

# Only the grid needs a gradient; saved attributes.
g = grid.clone().requires_grad_()
y = F.grid_sample(x, g, mode="bilinear", padding_mode="border", align_corners=True)
node = y.grad_fn
print(node, node._saved_interpolation_mode, node._saved_padding_mode, node._saved_align_corners)
print(node._saved_input.shape, node._saved_grid.shape, node.next_functions)
y.sum().backward()
print(bits(g.grad))
