# source: d2l-ai/d2l-en chapter_preliminaries/linear-algebra.md@23d7a5aecceee57d1292c56e90cce307f183bb0a (pytorch tab; notebook cells joined, each cell's displayed result printed)
# [cell 0]
import torch
# [cell 1]
x = torch.tensor(3.0)
y = torch.tensor(2.0)

print((x + y, x * y, x / y, x**y))
# [cell 2]
x = torch.arange(3)
print(x)
# [cell 3]
print(x[2])
# [cell 4]
print(len(x))
# [cell 5]
print(x.shape)
# [cell 6]
A = torch.arange(6).reshape(3, 2)
print(A)
# [cell 7]
print(A.T)
# [cell 8]
A = torch.tensor([[1, 2, 3], [2, 0, 4], [3, 4, 5]])
print(A == A.T)
# [cell 9]
print(torch.arange(24).reshape(2, 3, 4))
# [cell 10]
A = torch.arange(6, dtype=torch.float32).reshape(2, 3)
B = A.clone()  # Assign a copy of A to B by allocating new memory
print((A, A + B))
# [cell 11]
print(A * B)
# [cell 12]
a = 2
X = torch.arange(24).reshape(2, 3, 4)
print((a + X, (a * X).shape))
# [cell 13]
x = torch.arange(3, dtype=torch.float32)
print((x, x.sum()))
# [cell 14]
print((A.shape, A.sum()))
# [cell 15]
print((A.shape, A.sum(axis=0).shape))
# [cell 16]
print((A.shape, A.sum(axis=1).shape))
# [cell 17]
print(A.sum(axis=[0, 1]) == A.sum())  # Same as A.sum()
# [cell 18]
print((A.mean(), A.sum() / A.numel()))
# [cell 19]
print((A.mean(axis=0), A.sum(axis=0) / A.shape[0]))
# [cell 20]
sum_A = A.sum(axis=1, keepdims=True)
print((sum_A, sum_A.shape))
# [cell 21]
print(A / sum_A)
# [cell 22]
print(A.cumsum(axis=0))
# [cell 23]
y = torch.ones(3, dtype = torch.float32)
print((x, y, torch.dot(x, y)))
# [cell 24]
print(torch.sum(x * y))
# [cell 25]
print((A.shape, x.shape, torch.mv(A, x), A@x))
# [cell 26]
B = torch.ones(3, 4)
print((torch.mm(A, B), A@B))
# [cell 27]
u = torch.tensor([3.0, -4.0])
print(torch.norm(u))
# [cell 28]
print(torch.abs(u).sum())
# [cell 29]
print(torch.norm(torch.ones((4, 9))))
