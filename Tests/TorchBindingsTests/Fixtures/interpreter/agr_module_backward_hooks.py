import torch
import torch.nn as nn

torch.manual_seed(0)
lin = nn.Linear(3, 2)
calls = []

def full_hook(module, grad_input, grad_output):
    calls.append("full")
    print("full hook", type(module).__name__, len(grad_input), len(grad_output))
    print(" grad_input", grad_input)
    print(" grad_output", grad_output)

def pre_hook(module, grad_output):
    calls.append("pre")
    print("pre hook", grad_output)
    return (grad_output[0] * 2,)

h1 = lin.register_full_backward_hook(full_hook)
h2 = lin.register_full_backward_pre_hook(pre_hook)
x = torch.tensor([[1.0, -2.0, 0.5]], requires_grad=True)
out = lin(x)
print(out.grad_fn.name())
out.sum().backward()
print(calls)
print(x.grad)
print(lin.bias.grad)

h1.remove()
h2.remove()
calls.clear()
x.grad = None
lin(x).sum().backward()
print(calls, x.grad)

# a full hook replacing grad_input
def replace(module, grad_input, grad_output):
    return (torch.zeros_like(grad_input[0]),)

h = lin.register_full_backward_hook(replace)
x.grad = None
lin(x).sum().backward()
print(x.grad)
h.remove()

# input that needs no grad: the full hook still fires, with None grad_input, and warns
seq = nn.Sequential(nn.Linear(3, 3), nn.ReLU())
seq[1].register_full_backward_hook(lambda m, gi, go: print("relu hook", gi, go[0].shape))
seq(torch.ones(1, 3)).sum().backward()
lin2 = nn.Linear(3, 2)
lin2.register_full_backward_hook(lambda m, gi, go: print("no-input-grad hook", gi))
lin2(torch.ones(1, 3)).sum().backward()

# mixing hook kinds is an error
try:
    lin.register_backward_hook(full_hook)
except RuntimeError as e:
    print("RuntimeError:", e)

# the deprecated non-full hook on a module whose forward has several nodes warns
class Two(nn.Module):
    def forward(self, x):
        return (x * 2).exp()

two = Two()
two.register_backward_hook(lambda m, gi, go: print("non-full", gi, go))
y = torch.tensor([0.0, 1.0], requires_grad=True)
two(y).sum().backward()
print(y.grad)
