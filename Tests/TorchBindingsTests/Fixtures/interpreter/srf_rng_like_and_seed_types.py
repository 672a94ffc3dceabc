import torch

for seed in [0, 1, 42, 123456789, 2**40 + 3]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed + 1000)
    x = torch.zeros(17, dtype=torch.float64)
    print(seed, torch.rand_like(x).tolist())
    print(torch.randn_like(x[:5]).tolist())
    print(torch.rand(2, 3, generator=g, requires_grad=True))
    print(torch.randn((18,), generator=g).dtype, torch.randint(5, (2,), generator=g).dtype)
