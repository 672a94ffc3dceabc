# source: pytorch/pytorch torch/special/__init__.py, torch/nn/modules/activation.py and torch/__init__.py (docstring examples of torch.special.exp2, torch.special.sinc, nn.RReLU and torch.typename; torch.manual_seed(0) added before torch.randn, each >>> result printed)
import math
import torch
import torch.nn as nn

torch.manual_seed(0)
print(torch.special.exp2(torch.tensor([0, math.log2(2.), 3, 4])))

t = torch.randn(4)
print(t)
print(torch.special.sinc(t))

m = nn.RReLU(0.1, 0.3)
input = torch.randn(2)
output = m(input)
print(m, input, output)

x = torch.tensor([1, 2, 3])
print(torch.typename(x))
print(torch.typename(torch.nn.Parameter))
