# source: pytorch/pytorch torch/nn/modules/normalization.py and instancenorm.py (docstring examples of GroupNorm, InstanceNorm1d and InstanceNorm2d; inputs seeded and shrunk from (20, 6, 10, 10), (20, 100, 40) and (20, 100, 35, 45); statistics and slices of the results printed; one SGD step added to show the affine gradients)
import torch
import torch.nn as nn

torch.manual_seed(0)
input = torch.randn(4, 6, 5, 5)
# Separate 6 channels into 3 groups
m = nn.GroupNorm(3, 6)
output = m(input)
print(m, output.shape)
print(output[0, :2, 0])
print(output.view(4, 3, -1).mean(-1).abs().max() < 1e-6)
print(output.view(4, 3, -1).var(-1, unbiased=False))
# Separate 6 channels into 6 groups (equivalent with InstanceNorm)
m = nn.GroupNorm(6, 6)
# Put all 6 channels into a single group (equivalent with LayerNorm)
m2 = nn.GroupNorm(1, 6)
# Activating the module
output = m(input)
print(torch.allclose(output, nn.InstanceNorm2d(6)(input), atol=1e-6))
print(torch.allclose(m2(input), nn.LayerNorm([6, 5, 5], elementwise_affine=False)(input), atol=1e-6))
print(output[3, 5])

# Without Learnable Parameters
m = nn.InstanceNorm1d(10)
# With Learnable Parameters
m = nn.InstanceNorm1d(10, affine=True)
input = torch.randn(4, 10, 8)
output = m(input)
print(m, output[1, :3])

# Without Learnable Parameters
m = nn.InstanceNorm2d(10)
print(m)
# With Learnable Parameters
m = nn.InstanceNorm2d(10, affine=True)
input = torch.randn(4, 10, 7, 9)
output = m(input)
print(m, output[2, 9, :2])

# one training step through both layers
net = nn.Sequential(nn.Conv2d(10, 6, 3), nn.GroupNorm(2, 6), nn.ReLU(), nn.Conv2d(6, 4, 3), nn.InstanceNorm2d(4, affine=True))
opt = torch.optim.SGD(net.parameters(), lr=0.1)
loss = net(input).pow(2).mean() + net[1].weight.sum()
loss.backward()
print(loss, net[1].weight.grad, net[4].weight.grad)
opt.step()
print(net[1].weight, net[4].weight)
print(net(input)[0, 0, 0])
