import torch
a = torch.tensor([1., 2., 3.])
b = torch.tensor([3., 2., 1.])
print(a == b, a != b, a < b, a <= b, a > 2, 2 < a, a >= b)
print(a.eq(b), torch.eq(a, b), a.gt(1), torch.lt(a, 2))
print((a == b).any(), (a > 0).all(), torch.equal(a, a), torch.equal(a, b), a.equal(a.clone()))
print(torch.allclose(a, a + 1e-9), torch.allclose(a, b), a.allclose(a))
print(a == None, a is None, a is not None)
print(2. in a, 5. in a)
if (a > 0).all():
    print("all positive")
print(bool(torch.tensor([1.])), bool(torch.tensor(0)))
try:
    if a > 1:
        pass
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    bool(torch.tensor([]))
except RuntimeError as e:
    print(type(e).__name__, e)
print(torch.tensor(2.) == 2, torch.tensor(1) < 3)
x = torch.tensor(2.)
print(1 < x < 3)
print(max(torch.tensor(1.), torch.tensor(3.)))
