import torch
from torch.autograd import Function
class Square(Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x
    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return 2 * x * g
x = torch.tensor([1., 2., 3.], requires_grad=True)
y = Square.apply(x)
print(y)
print(y.grad_fn.name(), type(y.grad_fn).__name__)
y.sum().backward()
print(x.grad)
class MulConst(Function):
    @staticmethod
    def forward(ctx, x, k):
        ctx.k = k
        return x * k
    @staticmethod
    def backward(ctx, g):
        return g * ctx.k, None
x.grad = None
z = MulConst.apply(x, 5.)
z.sum().backward()
print(x.grad)
class Two(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b):
        return a + b, a * b
    @staticmethod
    def backward(ctx, ga, gb):
        return ga, gb
p, q = Two.apply(torch.ones(2, requires_grad=True), torch.ones(2))
print(p, q)
