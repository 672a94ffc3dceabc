import torch

for seed in [0, 7, 2024, 987654321]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed + 1)
    for n in [0, 1, 2, 15, 16, 17, 30]:
        print(seed, n, torch.randperm(n, generator=g).tolist())
    print(torch.randperm(25).tolist())
