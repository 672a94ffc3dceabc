import torch

for seed in [0, 1, 42, 123456789, 2**40 + 3]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed + 1000)
    print(seed, torch.normal(1.0, torch.arange(1.0, 7.0), generator=g).tolist())
    print(torch.normal(0.5, torch.full((18,), 2.0, dtype=torch.float64), generator=g).tolist())
    print(torch.normal(3, torch.ones(4)).tolist())
