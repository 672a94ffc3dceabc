import torch

for seed in [0, 7, 2024, 987654321]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed + 1)
    p = torch.rand(4, 5, generator=g)
    print(seed, torch.bernoulli(p, generator=g).tolist())
    print(torch.empty(2, 9, dtype=torch.float64).bernoulli_(p[0, :1].double().item(), generator=g).tolist())
    print(torch.empty(33).bernoulli_(0.5, generator=g).tolist())
