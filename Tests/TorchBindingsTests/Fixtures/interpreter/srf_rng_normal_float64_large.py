import torch

for seed in [3, 11, 99, 31337]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed * 3)
    print(seed, torch.empty(35, dtype=torch.float64).normal_(0, 3, generator=g).tolist())
    print(torch.randn(16, dtype=torch.float64).tolist(), torch.randn(7, dtype=torch.float64).tolist())
