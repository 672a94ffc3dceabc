# Writes the inputs and PyTorch's float32 conv2d outputs of onednn_forward_order.c's two geometries (geometry 1: yunjey_convnet_batchnorm's second layer; 2: 40 input channels, three blocks of 16).
import torch, torch.nn.functional as F
torch.manual_seed(0)
x = torch.rand(16, 16, 14, 14)
w = torch.randn(32, 16, 5, 5) * 0.1
b = torch.randn(32) * 0.1
y = F.conv2d(x, w, b, padding=2)
x.numpy().tofile('x.bin'); w.numpy().tofile('w.bin'); b.numpy().tofile('b.bin'); y.numpy().tofile('y.bin')
x = torch.rand(32, 40, 12, 12); w = torch.randn(24, 40, 3, 3) * 0.1; b = torch.randn(24) * 0.1
y = F.conv2d(x, w, b, padding=1)
x.numpy().tofile('x2.bin'); w.numpy().tofile('w2.bin'); b.numpy().tofile('b2.bin'); y.numpy().tofile('y2.bin')
