import torch

for seed in [3, 11, 99, 31337]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed * 3)
    from torch.utils.data import RandomSampler
    print(seed, list(RandomSampler(range(10), replacement=True, num_samples=40, generator=g)))
    print(list(RandomSampler(list(range(7)), num_samples=17)))
    print(list(RandomSampler(list(range(5)))), torch.rand(1).tolist())
