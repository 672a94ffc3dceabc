import torch

for seed in [0, 1, 42, 123456789, 2**40 + 3]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed + 1000)
    print(seed, torch.normal(torch.arange(6.0), 2.0, generator=g).tolist())
    print(torch.normal(torch.zeros(20, dtype=torch.float64), generator=g).tolist())
    print(torch.normal(torch.ones(3)).tolist())
