import torch
from torch.autograd import Function
class Clip(Function):
    @staticmethod
    def forward(ctx, x, lo=0.):
        ctx.save_for_backward(x)
        ctx.lo = lo
        return x.clamp(min=lo)
    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return g * (x > ctx.lo).float(), None
x = torch.tensor([-1., 0.5, 2.], requires_grad=True)
y = Clip.apply(x, 0.)
print(y, y.requires_grad, y.is_leaf)
y.sum().backward()
print(x.grad)
print(Clip.apply(torch.tensor([1.]), 0.).requires_grad)
with torch.no_grad():
    print(Clip.apply(x, 0.).requires_grad)
class Bad(Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2
    @staticmethod
    def backward(ctx, g):
        return g, g
try:
    Bad.apply(x).sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)
print(type(Clip).__name__ if False else Clip.__name__)
