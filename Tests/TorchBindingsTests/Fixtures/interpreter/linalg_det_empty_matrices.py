# Determinants of empty (0x0) matrices are 1, alone and in batches: the permutation signs of a
# batch of empty LU factors were read from unwritten memory (a 0x0 det varied between runs).
import torch

for i in range(3):
    print(torch.linalg.det(torch.zeros(0, 0)), torch.det(torch.zeros(0, 0, dtype=torch.float64)))
A = torch.zeros(2, 0, 0, requires_grad=True)
d = torch.linalg.det(A)
print(d)
d.sum().backward()
print(A.grad.shape)
print(torch.linalg.slogdet(torch.zeros(3, 0, 0)), torch.logdet(torch.zeros(0, 0)))
print(torch.linalg.slogdet(torch.zeros(0, 0)))
