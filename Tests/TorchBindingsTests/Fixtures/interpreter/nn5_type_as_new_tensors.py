import torch

x = torch.tensor([[1.5, -2.0]], dtype=torch.float64, requires_grad=True)
m = torch.tensor([True, False])
print(m.type_as(x), torch.arange(3).type_as(torch.ones(1)))
y = x.type_as(torch.ones(1))
print(y, y.grad_fn.name(), x.type_as(x) is x)
print(x.new_zeros(2, 3), x.new_ones((2,)), x.new_zeros([1, 2], dtype=torch.int64))
print(x.new_full((2, 2), 7), x.new_ones(2, requires_grad=True), torch.arange(4).new_full([2], 3.7))


class Twice(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        ctx.save_for_backward(a)
        return a * 2

    @staticmethod
    def backward(ctx, g):
        a, = ctx.saved_variables
        return g * 2 + a * 0


z = Twice.apply(x)
z.sum().backward()
print(x.grad)
