import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(1)
print(nn.InstanceNorm1d(4), nn.InstanceNorm2d(3, affine=True), nn.InstanceNorm2d(5, track_running_stats=True, momentum=0.2))

x = torch.randn(2, 3, 4, 5, requires_grad=True)
inorm = nn.InstanceNorm2d(3, affine=True, track_running_stats=True)
with torch.no_grad():
    inorm.weight.uniform_(0.5, 1.5)
    inorm.bias.uniform_(-1, 1)
y = inorm(x)
print(y.grad_fn.name(), y.grad_fn.next_functions[0][0].name())
print([n[0].name() if n[0] is not None else None for n in y.grad_fn.next_functions[0][0].next_functions])
print(y[1, 2])
y.pow(2).mul(torch.arange(20.0).reshape(4, 5)).sum().backward()
print(x.grad[0, 1])
print(inorm.weight.grad, inorm.bias.grad)
print(inorm.running_mean, inorm.running_var, inorm.num_batches_tracked)
inorm.eval()
print(inorm(x)[0, 0])

plain = nn.InstanceNorm1d(4)
s = torch.randn(2, 4, 6, requires_grad=True)
t = plain(s)
print(t)
t[:, :, :3].sum().backward()
print(s.grad)
print(plain(torch.randn(4, 6)).shape)
print(plain.running_mean, list(plain.buffers()))

rm = torch.zeros(3)
rv = torch.ones(3)
q = torch.randn(4, 3, 5, dtype=torch.float64)
print(F.instance_norm(q, rm.double(), rv.double(), momentum=0.5))
print(F.instance_norm(q, use_input_stats=True, eps=0.1))
f = F.instance_norm(torch.randn(2, 3, 4), rm, rv)
print(f.grad_fn, rm, rv)

for bad in [lambda: F.instance_norm(torch.randn(2, 3, 1)),
            lambda: nn.InstanceNorm1d(3)(torch.randn(2, 3, 4, 4)),
            lambda: nn.InstanceNorm2d(3, affine=True)(torch.randn(2, 4, 3, 3))]:
    try:
        bad()
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__, e)
