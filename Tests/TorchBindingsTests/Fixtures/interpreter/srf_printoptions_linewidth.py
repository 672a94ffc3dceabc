import torch

for w in [20, 40, 60, 120]:
    torch.set_printoptions(linewidth=w)
    print(torch.linspace(0, 1, 12))
    print(torch.arange(24).reshape(2, 12))
    print(torch.randn(3, generator=torch.Generator().manual_seed(w), requires_grad=True) * 2)
torch.set_printoptions(linewidth=5)
print(torch.arange(4))
torch.set_printoptions(profile='default', linewidth=100, precision=3)
print(torch.arange(30) / 9)
