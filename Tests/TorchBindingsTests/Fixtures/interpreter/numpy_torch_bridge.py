# torch <-> numpy: from_numpy and Tensor.numpy() share memory both ways, torch.tensor copies
# (keeping numpy's dtype), as_tensor shares, tensors and arrays mixed in ops, the
# requires-grad error.
import numpy as np
import torch

a = np.arange(6, dtype=np.float32).reshape(2, 3)
t = torch.from_numpy(a)
print(t, t.dtype)
a[0, 1] = 100
t[1, 2] = -7
print(a)
print(t)
t.add_(1)
print(a)
v = a[:, 1]
v *= 2
print(t)

d = np.array([1.5, 2.5])
print(torch.from_numpy(d), torch.tensor(d), torch.as_tensor(d), torch.tensor(np.array([1, 2])))
c = torch.tensor(d)
s = torch.as_tensor(d)
d[0] = 9
print(c, s)
print(torch.tensor(d, dtype=torch.float32), torch.as_tensor([1, 2]), torch.as_tensor(d, dtype=torch.float32))

x = torch.linspace(0, 1, 5)
n = x.numpy()
print(repr(n), type(n), n.dtype)
x.mul_(10)
print(n)
n[0] = -1
print(x)
print(repr(torch.arange(4).numpy()), repr((torch.ones(3) > 0).numpy()), repr(torch.zeros(2, dtype=torch.float64).numpy()))

w = torch.ones(3, requires_grad=True)
try:
    w.numpy()
except RuntimeError as e:
    print(e)
y = (w * 2).detach().numpy()
print(repr(y))
print(torch.ones(2) * np.float64(2.5), torch.ones(2) + np.float32(1), np.float64(2.5) * torch.ones(2))
print(torch.tensor([np.float32(1.5), np.float32(2.5)]), float(torch.tensor(np.array(2.5))))
A = torch.arange(12, dtype=torch.float32).reshape(3, 4).numpy()
B = torch.from_numpy(A)
print((type(A), type(B)), A.sum(), B.sum())
try:
    torch.from_numpy([1, 2])
except TypeError as e:
    print(e)
