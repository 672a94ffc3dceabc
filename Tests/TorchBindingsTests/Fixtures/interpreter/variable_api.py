import torch
from torch.autograd import Variable
v = Variable(torch.ones(2), requires_grad=True)
print(v, v.requires_grad, v.is_leaf)
w = Variable(torch.tensor([1., 2.]))
print(w.requires_grad)
(v * w).sum().backward()
print(v.grad)
print(type(v).__name__)
