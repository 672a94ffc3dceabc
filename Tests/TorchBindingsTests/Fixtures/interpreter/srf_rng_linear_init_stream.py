import torch

for seed in [0, 7, 2024, 987654321]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed + 1)
    m = torch.nn.Linear(5, 3)
    print(seed, m.weight.tolist(), m.bias.tolist())
    print(torch.rand(4, generator=g).tolist(), torch.rand(2).tolist())
