import torch

for seed in [3, 11, 99, 31337]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed * 3)
    x = torch.zeros(4, 6)
    x.t().normal_(generator=g)
    print(seed, x.tolist())
    y = torch.zeros(20)
    y[::2].uniform_(generator=g)
    print(y.tolist())
    z = torch.zeros(3, 8)
    z[:, 1:7].exponential_(generator=g)
    print(z.tolist())
