import torch

for seed in [0, 1, 42, 123456789, 2**40 + 3]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed + 1000)
    print(seed, torch.normal(2.0, 3.0, size=(5,), generator=g).tolist())
    print(torch.normal(0, 1, size=(18,), dtype=torch.float64, generator=g).tolist())
    print(torch.normal(-1.5, 0.5, (2, 3)).tolist())
