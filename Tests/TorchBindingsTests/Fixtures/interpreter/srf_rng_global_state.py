import torch

for seed in [0, 1, 42, 123456789, 2**40 + 3]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed + 1000)
    s = torch.get_rng_state()
    a = torch.rand(20, dtype=torch.float64)
    torch.set_rng_state(s)
    b = torch.rand(20, dtype=torch.float64)
    print(seed, torch.equal(a, b), torch.initial_seed(), s.shape)
    h = torch.Generator()
    h.set_state(s)
    print(torch.equal(torch.rand(20, dtype=torch.float64, generator=h), a))
