import torch

for seed in [0, 1, 42, 123456789, 2**40 + 3]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed + 1000)
    print(seed, torch.rand(3, generator=g).tolist(), torch.randn(17, generator=g).tolist())
    print(torch.randint(0, 50, (17,), generator=g).tolist(), torch.randperm(8, generator=g).tolist())
    print(torch.empty(5).normal_(generator=g).tolist(), torch.empty(3, dtype=torch.float64).uniform_(generator=g).tolist())
    print(torch.randn(2, dtype=torch.float64).tolist(), torch.rand(17).tolist())
