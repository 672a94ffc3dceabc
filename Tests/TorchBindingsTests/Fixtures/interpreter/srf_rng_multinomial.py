import torch

for seed in [0, 1, 42, 123456789, 2**40 + 3]:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed + 1000)
    w = torch.tensor([0.1, 2.0, 0.5, 1.0, 3.0])
    print(seed, torch.multinomial(w, 3, generator=g).tolist())
    print(torch.multinomial(w, 20, replacement=True, generator=g).tolist())
    print(w.double().multinomial(4, generator=g).tolist())
    print(torch.multinomial(torch.ones(2, 30), 17, generator=g).tolist())
    print(torch.multinomial(w, 2).tolist())
