import torch

for seed in [0, 1, 42, 123456789, 2**40 + 3]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed + 1000)
    print(seed, torch.randperm(10, generator=g).tolist())
    print(torch.randperm(40, generator=g).tolist())
    print(torch.randperm(5, dtype=torch.float64, generator=g))
    print(torch.randperm(17).tolist())
