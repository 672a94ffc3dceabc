# nn.CircularPad1d/2d/3d (F.pad's circular mode behind them, with their input checks) and the
# in-place functional activations F.elu_, F.selu_, F.celu_, F.leaky_relu_, F.threshold_.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.arange(8, dtype=torch.float).reshape(1, 2, 4).requires_grad_()
pad1 = nn.CircularPad1d(2)
y = pad1(x)
print(pad1, y, type(y.grad_fn).__name__)
(y * torch.arange(16.0).reshape(1, 2, 8)).sum().backward()
print(x.grad)
pad2 = nn.CircularPad2d((1, 0, 2, 1))
img = torch.arange(9, dtype=torch.float).reshape(1, 1, 3, 3)
print(pad2, pad2(img))
print(nn.CircularPad2d(1)(img[0]).shape, nn.CircularPad3d(1)(torch.ones(1, 1, 2, 2, 2)).shape)
print(nn.CircularPad1d((-1, 1))(torch.arange(4.0).reshape(1, 4)))
for module, bad in [(pad1, torch.ones(1, 1, 1, 4)), (pad2, torch.ones(4, 4)), (nn.CircularPad3d(1), torch.ones(2, 2))]:
    try:
        module(bad)
    except ValueError as e:
        print("ValueError", e)

a = torch.randn(6)
for f, args in [(F.elu_, (0.5,)), (F.selu_, ()), (F.celu_, (2.0,)), (F.leaky_relu_, (0.2,)), (F.threshold_, (0.1, -1.0))]:
    b = a.clone()
    r = f(b, *args)
    print(f.__name__, r is b, b.tolist())
leaf = torch.randn(4, requires_grad=True)
h = leaf * 1
F.elu_(h)
print(type(h.grad_fn).__name__, h._version)
h.sum().backward()
print(leaf.grad)
try:
    F.elu_(leaf)
except RuntimeError as e:
    print("RuntimeError", e)
