# source: pytorch/pytorch torch/nn/modules/flatten.py, pooling.py, activation.py and loss.py (docstring examples of Unflatten, AdaptiveAvgPool2d, SiLU, Softplus, LeakyReLU, ELU, KLDivLoss; results printed, inputs seeded; the named-tensor Unflatten example left out)
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

# Unflatten
input = torch.randn(2, 50)
# With tuple of ints
m = nn.Sequential(
    nn.Linear(50, 50),
    nn.Unflatten(1, (2, 5, 5))
)
output = m(input)
print(output.size())
# With torch.Size
m = nn.Sequential(
    nn.Linear(50, 50),
    nn.Unflatten(1, torch.Size([2, 5, 5]))
)
output = m(input)
print(output.size())
print(m)
print(output[0, 1])

# AdaptiveAvgPool2d
# target output size of 5x7
m = nn.AdaptiveAvgPool2d((5, 7))
input = torch.randn(1, 64, 8, 9)
output = m(input)
print(m, output.shape)
print(output[0, 0])
# target output size of 7x7 (square)
m = nn.AdaptiveAvgPool2d(7)
input = torch.randn(1, 64, 10, 9)
output = m(input)
print(m, output.shape)
print(output[0, 63])
# target output size of 10x7
m = nn.AdaptiveAvgPool2d((None, 7))
input = torch.randn(1, 64, 10, 9)
output = m(input)
print(m, output.shape)

# SiLU
m = nn.SiLU()
input = torch.randn(2)
output = m(input)
print(input, output)

# Softplus
m = nn.Softplus()
input = torch.randn(2)
output = m(input)
print(input, output)

# LeakyReLU
m = nn.LeakyReLU(0.1)
input = torch.randn(2)
output = m(input)
print(m, output)

# ELU
m = nn.ELU()
input = torch.randn(2)
output = m(input)
print(m, output)

# KLDivLoss
kl_loss = nn.KLDivLoss(reduction="batchmean")
# input should be a distribution in the log space
input = F.log_softmax(torch.randn(3, 5, requires_grad=True), dim=1)
# Sample a batch of distributions. Usually this would come from the dataset
target = F.softmax(torch.rand(3, 5), dim=1)
output = kl_loss(input, target)
print(output)

kl_loss = nn.KLDivLoss(reduction="batchmean", log_target=True)
log_target = F.log_softmax(torch.rand(3, 5), dim=1)
output = kl_loss(input, log_target)
print(output)
