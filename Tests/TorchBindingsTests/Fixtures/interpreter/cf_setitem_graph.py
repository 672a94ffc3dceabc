import torch

# x[i] = v: the indexing view, then fill_/copy_/masked_fill_/index_fill_/index_put_;
# a written view's base gets CopySlices, whose edges are the base's and the value's (if a tensor)
x = torch.zeros(3, 4, requires_grad=True)
y = x * 2
y[0] = 5.0
print(y.grad_fn, y.grad_fn.next_functions, y._version)
v = torch.ones(4, requires_grad=True)
y[1] = v
print(y.grad_fn.next_functions[1][0] is not None, y._version)
y[[0, 2]] = 1.5
print(type(y.grad_fn).__name__, len(y.grad_fn.next_functions), y._version)
y[y > 3] = 0.0
print(type(y.grad_fn).__name__, len(y.grad_fn.next_functions))
y[torch.tensor([0, 1])] = torch.ones(4)
print(type(y.grad_fn).__name__, len(y.grad_fn.next_functions))
y[...] = 2.0
print(type(y.grad_fn).__name__)
y[:] = 3.0
print(type(y.grad_fn).__name__)
z = x * 3
z[1:, [0, 1]] = 4.0
z[0, [1, 2]] = 3.0
z[:, 1:3] = torch.ones(2, requires_grad=True)
z[None] = torch.full((1, 3, 4), 0.5)
print(type(z.grad_fn).__name__, [type(f).__name__ if f is not None else None for f, _ in z.grad_fn.next_functions])
w = x * 1
w[0, 1:] = torch.arange(3.0, requires_grad=True) * 2
w.sum().backward()
print(x.grad)
t = x.detach().clone()
t.fill_(1)
u = x * 1
u.fill_(7)
print(u.grad_fn, u.grad_fn.next_functions)
try:
    x[0] = 1.0
except RuntimeError as e:
    print(e)
try:
    x[[0]] = 1.0
except RuntimeError as e:
    print(e)
b = torch.zeros(5, dtype=torch.int64)
b[[1, 3]] = 2.7
b[1:3] = torch.tensor([1.5, 9.0])
b[torch.tensor([True, False, False, False, True])] = 4
print(b, b._version)
