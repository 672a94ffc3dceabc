import torch

for seed in [3, 11, 99, 31337]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed * 3)
    p = torch.rand(20, dtype=torch.float64, generator=g)
    print(seed, torch.bernoulli(p, generator=g).tolist())
    print(torch.empty(20, dtype=torch.float64).bernoulli_(p, generator=g).tolist())
    print(torch.bernoulli(p.float()).tolist())
