import torch

for seed in [0, 1, 42, 123456789, 2**40 + 3]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed + 1000)
    p = torch.linspace(0.05, 0.95, 20)
    print(seed, torch.bernoulli(p, generator=g).tolist())
    print(torch.bernoulli(p[:5].double(), generator=g).tolist())
    print(torch.bernoulli(torch.zeros(18), 0.3, generator=g).tolist())
    print(p.bernoulli(generator=g).tolist())
    print(torch.bernoulli(p).tolist())
