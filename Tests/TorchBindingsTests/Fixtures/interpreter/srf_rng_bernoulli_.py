import torch

for seed in [0, 1, 42, 123456789, 2**40 + 3]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed + 1000)
    print(seed, torch.empty(6).bernoulli_(0.25, generator=g).tolist())
    print(torch.empty(20, dtype=torch.float64).bernoulli_(0.7, generator=g).tolist())
    print(torch.empty(18).bernoulli_(torch.linspace(0, 1, 18), generator=g).tolist())
    print(torch.empty(4).bernoulli_().tolist())
