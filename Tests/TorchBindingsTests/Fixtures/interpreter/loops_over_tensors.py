import torch
t = torch.tensor([[1., 2.], [3., 4.]])
total = 0.
for row in t:
    for v in row:
        total += v.item()
print(total)
for i, row in enumerate(t):
    print(i, row.sum())
print([v.item() for v in torch.tensor([1, 2, 3])])
print(list(torch.tensor([1., 2.])))
print(sum(torch.tensor([1., 2., 3.])))
print(len(torch.zeros(5, 2)))
for a, b in zip(torch.tensor([1, 2]), torch.tensor([3, 4])):
    print(a * b)
try:
    for v in torch.tensor(5.):
        pass
except TypeError as e:
    print(type(e).__name__, e)
