import torch

x = torch.tensor([3.14159265, -2.71828183, 1234.5678, 0.000123])
for p in [0, 1, 2, 6, 8]:
    torch.set_printoptions(precision=p)
    print(p, x, torch.tensor([1.5, 2.25]), torch.tensor(2.0 / 3), torch.tensor([1.0, 2.0]))
    print(torch.tensor([1.5, 2.25], dtype=torch.float64, requires_grad=True))
torch.set_printoptions(profile="default")
print(x)
torch.set_printoptions(profile="short")
print(torch.arange(2000.0) / 3, torch.tensor([1.23456, 7.0]))
torch.set_printoptions(profile="full", precision=1)
print(torch.arange(1200.0).reshape(2, 600)[:, :3] / 7)
