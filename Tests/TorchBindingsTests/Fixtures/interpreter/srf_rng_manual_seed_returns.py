import torch

for seed in [0, 1, 42, 123456789, 2**40 + 3]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed + 1000)
    r = torch.manual_seed(seed)
    print(seed, type(r).__name__, r.initial_seed() == torch.initial_seed())
    print(torch.Generator().initial_seed())
    print(g.manual_seed(seed + 1) is g, g.initial_seed())
    print(torch.rand(2, generator=r).tolist(), torch.rand(2).tolist())
