import torch
from torch.utils.data import TensorDataset, random_split, Subset

ds = TensorDataset(torch.arange(10.0), torch.arange(10))
torch.manual_seed(1)
a, b = random_split(ds, [7, 3])
print(len(a), len(b), a.indices, b.indices, b[0])
a, b, c = random_split(list(range(10)), [0.5, 0.3, 0.2], generator=torch.Generator().manual_seed(42))
print(a.indices, b.indices, c.indices, list(c))
parts = random_split(list(range(11)), [0.5, 0.5], generator=torch.Generator().manual_seed(3))
print([p.indices for p in parts])
s = Subset(ds, [9, 0, 4])
print(len(s), s[0], s[2])
try:
    random_split(ds, [5, 4])
except ValueError as e:
    print('ValueError', e)
print(torch.rand(1))
