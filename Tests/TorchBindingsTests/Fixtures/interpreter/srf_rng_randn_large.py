import torch

for seed in [0, 1, 42, 123456789, 2**40 + 3]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed + 1000)
    print(seed, torch.randn(17, generator=g).tolist())
    print(torch.randn(4, 8, dtype=torch.float64, generator=g).tolist())
    print(torch.randn(40).tolist())
