import torch

for seed in [3, 11, 99, 31337]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed * 3)
    from torch.utils.data import random_split
    print(seed, [s.indices for s in random_split(list(range(20)), [5, 5, 10], generator=g)])
    print([s.indices for s in random_split(list(range(9)), [0.4, 0.6])])
