# source: d2l-ai/d2l-en chapter_preliminaries/ndarray.md@23d7a5aecceee57d1292c56e90cce307f183bb0a (pytorch tab; notebook cells joined, each cell's displayed result printed; seeded with torch.manual_seed(0); id() printouts replaced by the identity comparison)
# [cell 0]
import torch
torch.manual_seed(0)  # added
# [cell 1]
x = torch.arange(12, dtype=torch.float32)
print(x)
# [cell 2]
print(x.numel())
# [cell 3]
print(x.shape)
# [cell 4]
X = x.reshape(3, 4)
print(X)
# [cell 5]
print(torch.zeros((2, 3, 4)))
# [cell 6]
print(torch.ones((2, 3, 4)))
# [cell 7]
print(torch.randn(3, 4))
# [cell 8]
print(torch.tensor([[2, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]]))
# [cell 9]
print((X[-1], X[1:3]))
# [cell 10]
X[1, 2] = 17
print(X)
# [cell 11]
X[:2, :] = 12
print(X)
# [cell 12]
print(torch.exp(x))
# [cell 13]
x = torch.tensor([1.0, 2, 4, 8])
y = torch.tensor([2, 2, 2, 2])
print((x + y, x - y, x * y, x / y, x ** y))
# [cell 14]
X = torch.arange(12, dtype=torch.float32).reshape((3,4))
Y = torch.tensor([[2.0, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])
print((torch.cat((X, Y), dim=0), torch.cat((X, Y), dim=1)))
# [cell 15]
print(X == Y)
# [cell 16]
print(X.sum())
# [cell 17]
a = torch.arange(3).reshape((3, 1))
b = torch.arange(2).reshape((1, 2))
print((a, b))
# [cell 18]
print(a + b)
# [cell 19]
before = id(Y)
Y = Y + X
print(id(Y) == before)
# [cell 20]
Z = torch.zeros_like(Y)
before_z = id(Z)  # was print('id(Z):', id(Z))
Z[:] = X + Y
print('id(Z) unchanged:', id(Z) == before_z)  # was print('id(Z):', id(Z))
# [cell 21]
before = id(X)
X += Y
print(id(X) == before)
# [cell 22]
A = X.numpy()
B = torch.from_numpy(A)
print((type(A), type(B)))
# [cell 23]
a = torch.tensor([3.5])
print((a, a.item(), float(a), int(a)))
