import torch
a = torch.tensor([1., -2., 3.])
m = (a > 0) & (a < 2)
print(m, (a > 0) | (a < -1), (a > 0) ^ True, ~(a > 0))
print(a[(a > 0) & (a < 5)])
l = [1, 2, 3, 4, 5]
l[1:3] = [9, 9, 9]
print(l)
del l[::2]
print(l)
l[:] = []
print(l)
try:
    a & a
except RuntimeError as e:
    print(type(e).__name__, e)
