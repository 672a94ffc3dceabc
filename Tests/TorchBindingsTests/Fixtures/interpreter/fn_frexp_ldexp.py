import torch

x = torch.tensor([1.5, -3.0, 0.0, 8.0, 1e-40, float("inf"), float("nan"), -0.0], requires_grad=True)
r = torch.frexp(x)
print(r)
print(r.mantissa.grad_fn.name(), r.exponent.requires_grad)
r.mantissa.sum().backward()
print(x.grad)
print(torch.frexp(torch.tensor([3.0, 0.1], dtype=torch.float64)), x.frexp().exponent)
try:
    torch.frexp(torch.tensor([1, 2]))
except RuntimeError as err:
    print("RuntimeError", err)
y = torch.tensor([1.0, 2.0], requires_grad=True)
e = torch.tensor([3.0, -1.0], requires_grad=True)
l = torch.ldexp(y, e)
print(l, l.grad_fn.name())
l.sum().backward()
print(y.grad, e.grad)
print(torch.ldexp(torch.tensor([1, 2]), torch.tensor([3, 1])), torch.ldexp(torch.tensor([1.0, 2.0], dtype=torch.float64), torch.tensor([3, 1])))
z = torch.tensor([1.0, 3.0])
z.ldexp_(torch.tensor([2, -2]))
print(z, y.ldexp(torch.tensor([2.5, 1.0])))
