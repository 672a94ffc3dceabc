import torch

for seed in [0, 1, 42, 123456789, 2**40 + 3]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed + 1000)
    s = g.get_state()
    print(seed, s.shape, s.numel())
    x = torch.randn(19, generator=g)
    g.set_state(s)
    y = torch.randn(19, generator=g)
    print(torch.equal(x, y))
    torch.randn(3, generator=g)
    s2 = g.get_state()
    u = torch.normal(0.0, 1.0, size=(1,), generator=g)
    g.set_state(s2)
    print(torch.equal(u, torch.normal(0.0, 1.0, size=(1,), generator=g)))
