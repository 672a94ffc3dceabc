# Writes the inputs and PyTorch's float32 conv2d weight and input gradients for onednn_backward_order.c.
import torch, torch.nn.functional as F
torch.manual_seed(0)
x = torch.rand(16, 16, 14, 14)
w = (torch.randn(32, 16, 5, 5) * 0.1).requires_grad_()
gy = torch.randn(16, 32, 14, 14)
F.conv2d(x, w, padding=2).backward(gy)
x.numpy().tofile('wx.bin'); gy.numpy().tofile('wgy.bin'); w.grad.numpy().tofile('wgw.bin')
xg = x.clone().requires_grad_()
w2 = torch.randn(32, 16, 5, 5) * 0.1
F.conv2d(xg, w2, padding=2).backward(gy)
w2.numpy().tofile('dw.bin'); xg.grad.numpy().tofile('dgx.bin')
