import torch

x = torch.ones(3, requires_grad=True)
m = torch.tensor([True, False, True])
v = torch.tensor(2.0, requires_grad=True)
i = torch.tensor([0])
for y in (x.masked_fill(m, 1.0), x.masked_fill(m, v), x.scatter(0, i, x[:1]), x.scatter_add(0, i, x[1:2])):
    print(y.grad_fn.name(), [None if f is None else f.name() for f, _ in y.grad_fn.next_functions])
    y.sum().backward()
print(x.grad, v.grad)
