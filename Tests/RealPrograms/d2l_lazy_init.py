# source: d2l-ai/d2l-en chapter_builders-guide/lazy-init.md@23d7a5aecceee57d1292c56e90cce307f183bb0a (pytorch tab; notebook cells joined, each cell's displayed result printed; the d2l.Module apply_init helper cell dropped; seeded with torch.manual_seed(0))
# [cell 0]
import torch
torch.manual_seed(0)  # added
from torch import nn
# [cell 1]
net = nn.Sequential(nn.LazyLinear(256), nn.ReLU(), nn.LazyLinear(10))
# [cell 2]
print(net[0].weight)
# [cell 3]
X = torch.rand(2, 20)
net(X)

print(net[0].weight.shape)
