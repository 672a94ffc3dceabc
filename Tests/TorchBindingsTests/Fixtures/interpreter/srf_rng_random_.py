import torch

for seed in [0, 1, 42, 123456789, 2**40 + 3]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed + 1000)
    print(seed, torch.empty(6).random_(generator=g).tolist())
    print(torch.empty(20, dtype=torch.int64).random_(generator=g).tolist())
    print(torch.empty(7, dtype=torch.float64).random_(100, generator=g).tolist())
    print(torch.empty(18, dtype=torch.int64).random_(-10, 10, generator=g).tolist())
    print(torch.empty(5).random_(0, 4).tolist())
