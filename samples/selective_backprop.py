# Selective backprop with detach: L = (out1 - out2)^2 with out1 = 2x, out2 = 7x at x = 1.
# (1) both branches: dL/dx = 2(2x - 7x)(2 - 7) = 50
# (2) out1 detached: only the out2 branch carries gradient: 2(2 - 7)(-7) = 70
# (3) out2 detached: only the out1 branch: 2(2 - 7)(2) = -20
import torch
from torch.autograd import Variable

xvar = Variable(torch.Tensor([1]), requires_grad=True)
y1 = torch.Tensor([2])
y2 = torch.Tensor([7])

out1 = xvar * y1
out2 = xvar * y2
L = torch.pow(out1 - out2, 2)
L.backward()
print("(1) xvar.grad:", xvar.grad)
xvar.grad.data.zero_()

out1 = xvar * y1
out2 = xvar * y2
out1 = out1.detach()
L = torch.pow(out1 - out2, 2)
L.backward()
print("(2) xvar.grad:", xvar.grad)
xvar.grad.data.zero_()

out1 = xvar * y1
out2 = xvar * y2
out2 = out2.detach()
L = torch.pow(out1 - out2, 2)
L.backward()
print("(3) xvar.grad:", xvar.grad)
