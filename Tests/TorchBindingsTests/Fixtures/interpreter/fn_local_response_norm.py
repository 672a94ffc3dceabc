import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(2, 5, 7, requires_grad=True)
lrn = nn.LocalResponseNorm(3)
print(lrn, nn.LocalResponseNorm(2, alpha=0.01, beta=0.5, k=2.0))
y = lrn(x)
print(y)
y.backward(torch.randn(y.shape))
print(x.grad)
fn = y.grad_fn
names = []
while fn is not None:
    names.append(fn.name())
    nexts = [f for f, _ in fn.next_functions if f is not None]
    fn = nexts[-1] if nexts else None
print(names)
z = F.local_response_norm(x.double(), 4, alpha=0.1, beta=0.9, k=0.5)
print(z)
print(F.local_response_norm(torch.zeros(0, 3, 2), 2).shape)
try:
    F.local_response_norm(torch.randn(2, 3), 2)
except ValueError as err:
    print("ValueError", err)
