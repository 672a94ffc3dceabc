# conv3d where PyTorch keeps off oneDNN (one image, a 3x3x3 kernel, few values): slow_conv3d's
# vol2col + addmm, the bias added inside the product; unbatched input; float64 through the same
# path; gradients checked against finite differences.
import torch
import torch.nn.functional as F

torch.manual_seed(3)
x = torch.randn(1, 3, 5, 5, 6, requires_grad=True)
w = torch.randn(4, 3, 3, 3, 3, requires_grad=True)
b = torch.randn(4, requires_grad=True)
y = F.conv3d(x, w, b, stride=(2, 1, 1), padding=1)
y.backward(torch.randn_like(y))
print(y[0, 2, 1], x.grad[0, 1, 2], w.grad[0, 2], b.grad)
u = F.conv3d(x[0], w, b)
print(u.shape, u[3, 1], u.grad_fn.name())
xd = torch.randn(1, 2, 4, 3, 4, dtype=torch.float64, requires_grad=True)
wd = torch.randn(3, 2, 2, 2, 2, dtype=torch.float64, requires_grad=True)
bd = torch.randn(3, dtype=torch.float64, requires_grad=True)
print(F.conv3d(xd, wd, bd, padding=(0, 1, 0))[0, 1])
print(torch.autograd.gradcheck(lambda a, c, d: F.conv3d(a, c, d, stride=(1, 2, 1), padding=1), (xd, wd, bd)))
wg = torch.randn(2, 1, 2, 2, 2, dtype=torch.float64, requires_grad=True)
print(torch.autograd.gradcheck(lambda a, c: F.conv3d(a, c, dilation=(1, 1, 2), groups=2), (xd, wg)))
