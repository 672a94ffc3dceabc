import torch

for seed in [0, 1, 42, 123456789, 2**40 + 3]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed + 1000)
    print(seed, torch.randint(10, (6,), generator=g).tolist())
    print(torch.randint(-5, 5, (3, 7), generator=g).tolist())
    print(torch.randint(0, 2**40, (4,), generator=g).tolist())
    print(torch.randint(3, 9, size=(20,), dtype=torch.float64, generator=g))
    print(torch.randint(high=100, size=(5,)).tolist())
