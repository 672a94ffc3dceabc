# The PyTorch autograd tutorial: y = x + 2, z = 3y^2, out = mean(z). d(out)/dx = 3(x + 2)/2 = 4.5.
# Shows grad_fn names, a non-scalar backward with an explicit gradient, and no_grad.
import torch

x = torch.ones(2, 2, requires_grad=True)
print(x)
y = x + 2
print(y)
print(y.grad_fn.name())
z = y * y * 3
out = z.mean()
print(z, out)
out.backward()
print(x.grad)
y.backward(x)
print(x.grad)
print((x ** 2).requires_grad)
with torch.no_grad():
    print((x ** 2).requires_grad)
y = x.detach()
print(y.requires_grad)
print(x.eq(y).all())
