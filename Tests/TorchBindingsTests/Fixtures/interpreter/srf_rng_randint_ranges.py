import torch

for seed in [0, 7, 2024, 987654321]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed + 1)
    print(seed, torch.randint(2**31, (5,), generator=g).tolist())
    print(torch.randint(-2**40, 2**40, (5,), generator=g).tolist())
    print(torch.randint(1, 2, (17,), generator=g).tolist())
    print(torch.randint(2**28 - 1, (3,), generator=g).tolist(), torch.randint(2**28, (3,), generator=g).tolist())
    print(torch.empty(4, dtype=torch.int64).random_(5, 5 + 2**30, generator=g).tolist())
    print(torch.randint(0, 2**29, (3,), dtype=torch.float64, generator=g).tolist())
    print(torch.randint(0, 7, (2, 2), generator=g, dtype=torch.float32).tolist())
    print(torch.randint(-3, 3, (18,)).tolist())
