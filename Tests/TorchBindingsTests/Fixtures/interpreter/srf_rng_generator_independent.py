import torch

for seed in [0, 1, 42, 123456789, 2**40 + 3]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed + 1000)
    a = torch.rand(5, generator=g)
    b = torch.rand(5)
    g2 = torch.Generator().manual_seed(seed)
    c = torch.rand(5, generator=g2)
    print(seed, a.tolist(), b.tolist(), c.tolist(), torch.equal(a, c))
    print(g.initial_seed() == seed, g2.initial_seed())
