import torch

for seed in [3, 11, 99, 31337]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed * 3)
    print(seed, torch.empty(33, dtype=torch.float64).uniform_(-1, 1, generator=g).tolist())
    print(torch.rand(5, 7, dtype=torch.float64).tolist())
