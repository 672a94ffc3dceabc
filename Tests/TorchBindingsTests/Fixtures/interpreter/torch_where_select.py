import torch
a = torch.tensor([1., -2., 3.], requires_grad=True)
w = torch.where(a > 0, a, torch.zeros(3))
print(w, torch.where(a > 0, a, 0.), torch.where(a > 0, 1, 0))
w.sum().backward()
print(a.grad)
try:
    torch.where(a, a, a)
except RuntimeError as e:
    print(type(e).__name__, e)
print(torch.sign(a), a.isnan(), torch.isclose(a, a))
b = torch.ones(2, 3, 4)
print(torch.bmm(b, torch.ones(2, 4, 1)).shape, b.select(1, 0).shape, b.narrow(2, 1, 2).shape)
print(torch.addmm(torch.zeros(2), torch.ones(2, 3), torch.ones(3, 2), beta=0.5, alpha=2))
