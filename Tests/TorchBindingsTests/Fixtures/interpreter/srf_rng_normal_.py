import torch

for seed in [0, 1, 42, 123456789, 2**40 + 3]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed + 1000)
    print(seed, torch.empty(6).normal_(generator=g).tolist())
    print(torch.empty(20, dtype=torch.float64).normal_(1, 0.1, generator=g).tolist())
    print(torch.empty(17).normal_(-3, 2, generator=g).tolist())
    print(torch.empty(16).normal_(0, 1, generator=g).tolist())
    print(torch.empty(5).normal_().tolist())
