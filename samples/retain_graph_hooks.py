# retain_graph, torch.autograd.grad, hooks and a custom Function.
# A second backward needs retain_graph=True on the first; autograd.grad returns gradients
# without touching .grad; a hook can replace a gradient; a custom Function defines its own
# backward and appears in the graph as SigmoidBackward.
import torch
from torch.autograd import Function

x = torch.tensor([2.], requires_grad=True)
y = x * x * x
y.backward(retain_graph=True)
print(x.grad)
y.backward()
print(x.grad)
try:
    y.backward()
except RuntimeError as e:
    print("third backward:", str(e)[:47])

w = torch.tensor([0.5, -1., 2.], requires_grad=True)
v = torch.ones(3, requires_grad=True)
s = (v * w).sum()
gv, gw = torch.autograd.grad(s, [v, w])
print(gv, gw, v.grad)

h = v.register_hook(lambda g: g * 10)
(v * v).sum().backward()
print(v.grad)
h.remove()


class Sigmoid(Function):
    @staticmethod
    def forward(ctx, x):
        output = 1 / (1 + torch.exp(-x))
        ctx.save_for_backward(output)
        return output

    @staticmethod
    def backward(ctx, grad_output):
        output, = ctx.saved_tensors
        return output * (1 - output) * grad_output


a = torch.tensor([-1., 0., 2.], requires_grad=True)
out = Sigmoid.apply(a)
print(out.grad_fn.name())
out.sum().backward()
print(a.grad)
