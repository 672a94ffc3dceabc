import torch

for seed in [0, 1, 42, 123456789, 2**40 + 3]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed + 1000)
    print(seed, torch.empty(6).exponential_(generator=g).tolist())
    print(torch.empty(20, dtype=torch.float64).exponential_(2.5, generator=g).tolist())
    print(torch.empty(17).exponential_(0.5, generator=g).tolist())
    print(torch.empty(3).exponential_().tolist())
