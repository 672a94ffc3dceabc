# source: pytorch/pytorch torch/linalg/__init__.py and torch/functional.py (docstring examples of torch.linalg.norm, torch.linalg.vector_norm, torch.linalg.matrix_norm and torch.norm joined)
import torch
from torch import linalg as LA

a = torch.arange(9, dtype=torch.float) - 4
print(a)
B = a.reshape((3, 3))
print(B)

print(LA.norm(a))
print(LA.norm(B))
print(LA.norm(B, 'fro'))
print(LA.norm(a, float('inf')))
print(LA.norm(B, float('inf')))
print(LA.norm(a, -float('inf')))
print(LA.norm(B, -float('inf')))

print(LA.norm(a, 1))
print(LA.norm(B, 1))
print(LA.norm(a, -1))
print(LA.norm(B, -1))
print(LA.norm(a, 2))
print(LA.norm(B, 2))
print(LA.norm(a, -2))
print(LA.norm(B.double(), -2))
print(LA.norm(a, 3))
print(LA.norm(a, -3))

c = torch.tensor([[1., 2., 3.],
                  [-1, 1, 4]])
print(LA.norm(c, dim=0))
print(LA.norm(c, dim=1))
print(LA.norm(c, ord=1, dim=1))

m = torch.arange(8, dtype=torch.float).reshape(2, 2, 2)
print(LA.norm(m, dim=(1,2)))
print(LA.norm(m[0, :, :]), LA.norm(m[1, :, :]))

print(LA.vector_norm(a, ord=3.5))
print(LA.vector_norm(B, ord=3.5))

A = torch.arange(9, dtype=torch.float).reshape(3, 3)
print(A)
print(LA.matrix_norm(A))
print(LA.matrix_norm(A, ord=-1))
B = A.expand(2, -1, -1)
print(B)
print(LA.matrix_norm(B))
print(LA.matrix_norm(B, dim=(0, 2)))

a = torch.arange(9, dtype= torch.float) - 4
b = a.reshape((3, 3))
print(torch.norm(a))
print(torch.norm(b))
print(torch.norm(a, float('inf')))
print(torch.norm(b, float('inf')))
c = torch.tensor([[ 1, 2, 3], [-1, 1, 4]] , dtype=torch.float)
print(torch.norm(c, dim=0))
print(torch.norm(c, dim=1))
print(torch.norm(c, p=1, dim=1))
d = torch.arange(8, dtype=torch.float).reshape(2, 2, 2)
print(torch.norm(d, dim=(1, 2)))
print(torch.norm(d[0, :, :]), torch.norm(d[1, :, :]))
