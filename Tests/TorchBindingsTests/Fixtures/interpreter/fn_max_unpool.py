import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(1, 2, 4, 4, requires_grad=True)
pool = nn.MaxPool2d(2, stride=2, return_indices=True)
unpool = nn.MaxUnpool2d(2, stride=2)
print(unpool)
out, indices = pool(x)
y = unpool(out, indices)
print(y, y.grad_fn.name(), y.grad_fn.next_functions[0][0].name())
(y * torch.arange(32.0).view(1, 2, 4, 4)).sum().backward()
print(x.grad)
# output_size to undo a pooling that dropped a row
x5 = torch.randn(1, 1, 5, 5, requires_grad=True)
out, indices = F.max_pool2d(x5, 2, return_indices=True)
y = unpool(out, indices, output_size=x5.size())
print(y.shape, y)
y.sum().backward()
print(x5.grad)
# 1-D, 3-D input (no batch), stride and padding
s = torch.randn(2, 3, 8, requires_grad=True)
out, indices = F.max_pool1d(s, 3, stride=2, return_indices=True)
u = F.max_unpool1d(out, indices, 3, stride=2)
print(nn.MaxUnpool1d(3, stride=2, padding=1), nn.MaxUnpool1d(3)(out, indices).shape, u.shape)
u.sum().backward()
print(u, s.grad)
print([f.name() for f in [u.grad_fn, u.grad_fn.next_functions[0][0], u.grad_fn.next_functions[0][0].next_functions[0][0]]])
c = torch.randn(3, 4, 4)
out, indices = F.max_pool2d(c, 2, return_indices=True)
print(F.max_unpool2d(out, indices, 2))
for bad in [lambda: F.max_unpool2d(out, indices * 10, 2), lambda: F.max_unpool2d(out, indices.float(), 2),
            lambda: F.max_unpool2d(out, indices, 2, output_size=(9, 9)),
            lambda: F.max_unpool2d(out, indices, 2, output_size=(4, 4, 4)),
            lambda: F.max_unpool2d(out, indices[:, :1], 2),
            lambda: F.max_unpool2d(out[0], indices[0], 2)]:
    try:
        bad()
    except (RuntimeError, ValueError) as err:
        print(type(err).__name__, err)
