import torch

# grad_fn node hooks: prehook and hook, order relative to tensor hooks, replacement and removal
a = torch.tensor([1., 2., 3.], requires_grad=True)
b = a * 2
c = b.exp()
out = c.sum()
order = []

def tensor_hook(g):
    order.append("tensor hook on b")
    return g * 10

def pre(gO):
    order.append("prehook " + b.grad_fn.name())
    print("prehook gets", gO)
    return None

def post(gI, gO):
    order.append("hook " + b.grad_fn.name())
    print("hook gets", gI, gO)
    return (gI[0] + 1, gI[1])

h1 = b.register_hook(tensor_hook)
h2 = b.grad_fn.register_prehook(pre)
h3 = b.grad_fn.register_hook(post)
out.backward(retain_graph=True)
print(order)
print(a.grad)

h1.remove(); h2.remove(); h3.remove()
a.grad = None
order.clear()
out.backward()
print(order, a.grad)

# a prehook replacing the gradient, and two hooks chained
x = torch.tensor([1., -1.], requires_grad=True)
y = x.clone()
y.grad_fn.register_prehook(lambda gO: (gO[0] * 3,))
y.grad_fn.register_hook(lambda gI, gO: (gI[0] + 100,))
y.grad_fn.register_hook(lambda gI, gO: print("second hook sees", gI, gO))
(y * y).sum().backward()
print(x.grad)

# metadata persists on the node; Node isinstance; name() and next_functions
z = x * 3
z.grad_fn.metadata["tag"] = "mine"
print(z.grad_fn.metadata, isinstance(z.grad_fn, torch.autograd.graph.Node))
print(z.grad_fn.name(), z.grad_fn.next_functions[0][0].name())
print(isinstance(x, torch.autograd.graph.Node))

# wrong number of values from a hook
w = x.clone()
w.grad_fn.register_hook(lambda gI, gO: (gI[0], gI[0]))
try:
    w.sum().backward()
except RuntimeError as e:
    print("RuntimeError:", e)
