import torch

for seed in [3, 11, 99, 31337]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed * 3)
    a = torch.rand(3, generator=g).tolist()
    g.manual_seed(seed)
    b = torch.rand(3, generator=g).tolist()
    s = g.seed()
    g.manual_seed(s)
    c = torch.rand(3, generator=g)
    g.manual_seed(s)
    print(seed, a == b, torch.equal(c, torch.rand(3, generator=g)), g.initial_seed() == s)
