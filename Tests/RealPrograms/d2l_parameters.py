# source: d2l-ai/d2l-en chapter_builders-guide/parameters.md@23d7a5aecceee57d1292c56e90cce307f183bb0a (pytorch tab; notebook cells joined, each cell's displayed result printed; seeded with torch.manual_seed(0))
# [cell 0]
import torch
torch.manual_seed(0)  # added
from torch import nn
# [cell 1]
net = nn.Sequential(nn.LazyLinear(8),
                    nn.ReLU(),
                    nn.LazyLinear(1))

X = torch.rand(size=(2, 4))
print(net(X).shape)
# [cell 2]
print(net[2].state_dict())
# [cell 3]
print((type(net[2].bias), net[2].bias.data))
# [cell 4]
print(net[2].weight.grad == None)
# [cell 5]
print([(name, param.shape) for name, param in net.named_parameters()])
# [cell 6]
# We need to give the shared layer a name so that we can refer to its
# parameters
shared = nn.LazyLinear(8)
net = nn.Sequential(nn.LazyLinear(8), nn.ReLU(),
                    shared, nn.ReLU(),
                    shared, nn.ReLU(),
                    nn.LazyLinear(1))

net(X)
# Check whether the parameters are the same
print(net[2].weight.data[0] == net[4].weight.data[0])
net[2].weight.data[0, 0] = 100
# Make sure that they are actually the same object rather than just having the
# same value
print(net[2].weight.data[0] == net[4].weight.data[0])
