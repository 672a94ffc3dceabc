import torch

for seed in [0, 1, 42, 123456789, 2**40 + 3]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed + 1000)
    print(seed, torch.rand(5, generator=g).tolist())
    print(torch.rand(20, dtype=torch.float64, generator=g).tolist())
    print(torch.rand(2, 9, generator=g))
    print(torch.rand(3).tolist())
