import torch

for seed in [0, 7, 2024, 987654321]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed + 1)
    w = torch.rand(3, 6, generator=g) + 0.01
    print(seed, torch.multinomial(w, 4, generator=g).tolist())
    print(torch.multinomial(w.double(), 40, replacement=True, generator=g).tolist())
    print(torch.multinomial(torch.tensor([0.0, 1.0, 0.0, 2.0]), 2, generator=g).tolist())
    print(torch.multinomial(w[0], 6).tolist())
