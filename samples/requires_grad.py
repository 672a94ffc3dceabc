# requires_grad defaults and Variable: tensors do not require grad unless asked, an op's
# output requires grad iff one of its inputs does, and backward on something that needs no
# grad is an error. Variable(t, requires_grad=...) still works and returns a plain Tensor.
import torch
from torch.autograd import Variable

x = torch.ones(1)
y = torch.ones(1)
z = x + y
print(x.requires_grad, z.requires_grad)
try:
    z.backward()
except RuntimeError as err:
    print("RuntimeError:", err)

w = torch.ones(1, requires_grad=True)
total = w + z
print(total.requires_grad, total.grad_fn.name())
total.backward()
print(w.grad)
print(z.grad == x.grad == y.grad == None)

lis = torch.arange(1., 7.).reshape((-1, 3))
print(lis.requires_grad)
lis.requires_grad_()
print(lis.requires_grad, lis.is_leaf)

v = Variable(torch.FloatTensor(range(8)).reshape((-1, 4)), requires_grad=True)
print(v)
print(type(v) is torch.Tensor)
