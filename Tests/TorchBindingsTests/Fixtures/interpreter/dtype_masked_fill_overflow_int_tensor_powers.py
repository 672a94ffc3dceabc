# masked_fill into narrow integer dtypes checks the value as fill_ does (number or 0-dim tensor);
# integer tensors to negative tensor powers follow ATen's powi (0, or +-1 for bases 1 and -1).
import torch

x = torch.tensor([1, 2, 3], dtype=torch.int8)
m = torch.tensor([True, False, True])
for v in [300, -129, 127.5, 128.0, float('nan'), True, torch.tensor(300), torch.tensor(-5)]:
    try:
        print(x.masked_fill(m, v))
    except Exception as e:
        print(type(e).__name__, e)
u = torch.tensor([1, 2, 3], dtype=torch.uint8)
for v in [-1, -255, -256, 256]:
    try:
        print(u.masked_fill(m, v))
    except Exception as e:
        print(type(e).__name__, e)
i = torch.tensor([1, 2, 3], dtype=torch.int32)
try:
    i.masked_fill_(m, 2**31)
except Exception as e:
    print(type(e).__name__, e, i)
print(i.masked_fill_(m, -2**31))

a = torch.tensor([2, 3, 4, 1, -1, 0])
print(a ** torch.tensor([-1, 0, -2, -3, -3, -1]))
print(2 ** torch.tensor([-1, 0, 2]), 1 ** torch.tensor([-1, 0, 2]), (-1) ** torch.tensor([-1, -2, 2]))
print(0 ** torch.tensor([-1, 0, 2]))
print(torch.tensor([2, 1, -1], dtype=torch.int32) ** torch.tensor([-1, -1, -1], dtype=torch.int32))
print(torch.tensor([0, 3], dtype=torch.int8) ** torch.tensor([-1, -2], dtype=torch.int8))
print(torch.pow(torch.tensor([2, 1]), torch.tensor(-1)))
b = torch.tensor([5, -1])
b.pow_(torch.tensor([-2, -5]))
print(b)
try:
    print(torch.tensor([2, 1]) ** -1)
except Exception as e:
    print(type(e).__name__, e)
f = torch.tensor([1.5, 2.0, 3.0], requires_grad=True)
g = f * 1
g.pow_(torch.tensor([2.0, -1.0, 0.5]))
print(g, type(g.grad_fn).__name__)
g.sum().backward()
print(f.grad)
h = torch.tensor([2.0, 3.0])
h **= torch.tensor([3, 2])
print(h)
