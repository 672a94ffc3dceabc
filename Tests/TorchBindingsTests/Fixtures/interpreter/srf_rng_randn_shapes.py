import torch

for seed in [0, 7, 2024, 987654321]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed + 1)
    print(seed, torch.randn((), generator=g).item(), torch.randn(15, generator=g).tolist())
    print(torch.randn(16, generator=g).tolist())
    print(torch.randn(1, generator=g).tolist(), torch.randn(33, generator=g).tolist())
    print(torch.randn(3, 3, dtype=torch.float64).tolist())
