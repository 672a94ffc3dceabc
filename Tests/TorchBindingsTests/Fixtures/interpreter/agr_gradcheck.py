import torch
from torch.autograd import gradcheck, gradgradcheck

torch.manual_seed(0)
x = torch.randn(3, 2, dtype=torch.double, requires_grad=True)
w = torch.randn(2, 4, dtype=torch.double, requires_grad=True)
print(gradcheck(lambda a, b: (a @ b).tanh(), (x, w)))
print(gradgradcheck(lambda a, b: (a @ b).tanh(), (x, w)))
print(torch.autograd.gradcheck(torch.sigmoid, (x,), eps=1e-6, atol=1e-4))
print(torch.autograd.gradgradcheck(lambda t: t.pow(3).sum(), x))


class BadSquare(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 2

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return g * 3 * x


y = torch.tensor([1.0, 2.0], dtype=torch.double, requires_grad=True)
print(gradcheck(BadSquare.apply, (y,), raise_exception=False))
try:
    gradcheck(BadSquare.apply, (y,))
except RuntimeError as e:
    print(type(e).__name__)
    print(e)

# float32 inputs warn; no input requiring grad is an error
f = torch.tensor([1.0, 2.0], requires_grad=True)
try:
    gradcheck(lambda t: t * 2, (f,))
except RuntimeError as e:
    print(e)
try:
    gradcheck(lambda t: t * 2, (torch.ones(2, dtype=torch.double),))
except ValueError as e:
    print("ValueError:", e)
print(torch.rand(2))
