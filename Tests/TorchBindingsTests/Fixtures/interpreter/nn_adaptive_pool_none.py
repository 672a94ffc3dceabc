import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
# target output size of 10x7
m = nn.AdaptiveAvgPool2d((None, 7))
print(m)
input = torch.randn(1, 64, 10, 9, requires_grad=True)
output = m(input)
print(output.shape, output.grad_fn.name())
print(output[0, 5, :3])
output.sum().backward()
print(input.grad[0, 5, 0])
x = torch.arange(24.).reshape(2, 3, 4)
print(F.adaptive_avg_pool2d(x, [2, None]))
print(F.adaptive_avg_pool2d(x, (None, None)).shape, F.adaptive_avg_pool2d(x, output_size=3).shape)
try:
    F.adaptive_avg_pool2d(torch.zeros(3, 4), (None, 2))
except ValueError as e:
    print("ValueError:", e)
