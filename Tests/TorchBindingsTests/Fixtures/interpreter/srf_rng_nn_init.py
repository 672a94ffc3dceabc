import torch

for seed in [0, 7, 2024, 987654321]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed + 1)
    w = torch.empty(4, 5)
    print(seed, torch.nn.init.uniform_(w, -1, 1, generator=g).tolist())
    print(torch.nn.init.normal_(torch.empty(17), 0, 0.5, generator=g).tolist())
    print(torch.nn.init.xavier_uniform_(torch.empty(3, 6), generator=g))
    print(torch.nn.init.kaiming_normal_(torch.empty(18, 2, dtype=torch.float64), generator=g).tolist())
    print(torch.nn.init.kaiming_uniform_(torch.empty(2, 3)).tolist())
