# source: d2l-ai/d2l-en chapter_builders-guide/custom-layer.md@23d7a5aecceee57d1292c56e90cce307f183bb0a (pytorch tab; notebook cells joined, each cell's displayed result printed; d2l.tensor/d2l.rand -> torch.tensor/torch.rand; seeded with torch.manual_seed(0))
# [cell 0]
import torch
torch.manual_seed(0)  # added
from torch import nn
from torch.nn import functional as F
# [cell 1]
class CenteredLayer(nn.Module):
    def __init__(self):
        super().__init__()

    def forward(self, X):
        return X - X.mean()
# [cell 2]
layer = CenteredLayer()
print(layer(torch.tensor([1.0, 2, 3, 4, 5])))
# [cell 3]
net = nn.Sequential(nn.LazyLinear(128), CenteredLayer())
# [cell 4]
Y = net(torch.rand(4, 8))
print(Y.mean())
# [cell 5]
class MyLinear(nn.Module):
    def __init__(self, in_units, units):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(in_units, units))
        self.bias = nn.Parameter(torch.randn(units,))
        
    def forward(self, X):
        linear = torch.matmul(X, self.weight.data) + self.bias.data
        return F.relu(linear)
# [cell 6]
linear = MyLinear(5, 3)
print(linear.weight)
# [cell 7]
print(linear(torch.rand(2, 5)))
# [cell 8]
net = nn.Sequential(MyLinear(64, 8), MyLinear(8, 1))
print(net(torch.rand(2, 64)))
