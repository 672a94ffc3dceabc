import torch

for seed in [3, 11, 99, 31337]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed * 3)
    gens = [torch.Generator().manual_seed(seed + k) for k in range(3)]
    for step in range(2):
        print(seed, step, [torch.randint(0, 1000, (2,), generator=h).tolist() for h in gens])
    print(torch.randint(0, 1000, (3,)).tolist(), [h.initial_seed() for h in gens])
