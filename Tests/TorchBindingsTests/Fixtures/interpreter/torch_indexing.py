import torch
t = torch.arange(12.).view(3, 4)
print(t[0], t[-1], t[1, 2], t[:, 1], t[1:, ::2], t[..., 0], t[None].shape, t[:, None].shape)
print(t[[0, 2]], t[t > 5], t[torch.tensor([1, 0])])
print(t[0][1], t[1:3, 1:3])
for row in t:
    print(row)
c = torch.zeros(4)
c[0] = 100.
c[1:3] = 5
c[-1] = torch.tensor(7.)
print(c)
m = torch.zeros(2, 3)
m[:, 0] = torch.tensor([1., 2.])
m[m == 0] = -1
print(m)
try:
    t[5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    t[0, 0, 0]
except IndexError as e:
    print(type(e).__name__, e)
print(len(t), t.shape[0])
a, b, c2 = t
print(a, c2)
