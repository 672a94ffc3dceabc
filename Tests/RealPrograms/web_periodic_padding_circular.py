# source: https://discuss.pytorch.org/t/periodic-padding/5899 (the question's 3x3 tensor padded periodically to 5x5 with F.pad(mode='circular') as the thread's later answer says, nn.ReflectionPad2d's result the thread shows for contrast, then "a convolution with the filter in padding=0 mode"; the filter seeded, and compared with nn.Conv2d(padding_mode='circular'), the layer that does both; a gradient added)
import torch
import torch.nn as nn
import torch.nn.functional as F

x = torch.tensor([[1., 2., 3.], [4., 5., 6.], [7., 8., 9.]]).view(1, 1, 3, 3)
print(nn.ReflectionPad2d(1)(x))
padded = F.pad(x, (1, 1, 1, 1), mode='circular')
print(padded)

torch.manual_seed(0)
conv = nn.Conv2d(1, 1, kernel_size=3, padding=1, padding_mode='circular')
print(conv)
out = F.conv2d(padded, conv.weight, conv.bias, padding=0)
print(out)
print(torch.equal(out, conv(x)))

x.requires_grad_()
y = conv(x)
print(y.grad_fn, y.grad_fn.next_functions[0][0])
y.sum().backward()
print(x.grad)
print(conv.weight.grad)
