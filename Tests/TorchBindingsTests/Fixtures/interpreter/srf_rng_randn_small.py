import torch

for seed in [0, 1, 42, 123456789, 2**40 + 3]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed + 1000)
    print(seed, torch.randn(7, generator=g).tolist())
    print(torch.randn(5, dtype=torch.float64, generator=g).tolist())
    print(torch.randn(3).tolist())
