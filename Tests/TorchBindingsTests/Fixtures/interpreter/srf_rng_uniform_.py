import torch

for seed in [0, 1, 42, 123456789, 2**40 + 3]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed + 1000)
    print(seed, torch.empty(6).uniform_(generator=g).tolist())
    print(torch.empty(20, dtype=torch.float64).uniform_(-2, 3, generator=g).tolist())
    print(torch.empty(2, 9).uniform_(0.5, 0.75, generator=g))
    print(torch.empty(4).uniform_().tolist())
