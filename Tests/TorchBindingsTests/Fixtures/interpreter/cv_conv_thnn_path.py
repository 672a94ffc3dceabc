# Convolutions PyTorch keeps off oneDNN (one image with a 3x3 kernel and few values, 1x1 kernels
# on a small batch): im2col + sgemm, printed to the default precision.
import torch
import torch.nn.functional as F

torch.manual_seed(4)
x = torch.rand(1, 3, 6, 6, requires_grad=True)
w = torch.randn(4, 3, 3, 3, requires_grad=True)
y = F.conv2d(x, w, padding=1)
y.sum().backward()
print(y[0, 0], w.grad[0, 0])
y = F.conv2d(torch.rand(2, 3, 4, 4), torch.randn(5, 3, 1, 1))
print(y[1, 4])
