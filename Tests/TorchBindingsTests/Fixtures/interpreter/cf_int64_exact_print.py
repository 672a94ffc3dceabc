import torch

# int64 values past 2**53 print exactly
a = torch.tensor([2**62])
print(a + 1, a - 1, a * 1 + 3)
print(torch.tensor(2**62) + 1)
b = torch.tensor([2**62, 1, -5]) + 1
print(b, b.max())
print(torch.arange(2000) + 2**60)
