import torch

for seed in [0, 7, 2024, 987654321]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed + 1)
    a = torch.normal(0.0, 1.0, size=(1,), generator=g).tolist()
    b = torch.normal(0.0, 1.0, size=(1,), dtype=torch.float64, generator=g).tolist()
    c = torch.empty(3, dtype=torch.float64).normal_(generator=g).tolist()
    d = torch.randn(1, dtype=torch.float64, generator=g).tolist()
    print(seed, a, b, c, d)
    print(torch.randn(1).tolist(), torch.randn(1, dtype=torch.float64).tolist(), torch.randn(2).tolist())
