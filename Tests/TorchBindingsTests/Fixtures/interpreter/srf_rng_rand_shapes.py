import torch

for seed in [0, 7, 2024, 987654321]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed + 1)
    print(seed, torch.rand((), generator=g).item(), torch.rand(0, generator=g).tolist())
    print(torch.rand(2, 0, 3, generator=g).shape, torch.rand(15, generator=g).tolist())
    print(torch.rand(16, generator=g).tolist())
    print(torch.rand(33, dtype=torch.float64, generator=g).tolist())
