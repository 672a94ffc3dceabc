import torch
from torch.nn.parameter import Parameter

t = torch.ones(2)
p = Parameter(t)
print(p)
print([p])
print(isinstance(p, Parameter), isinstance(p, torch.Tensor), isinstance(t, Parameter))
print(type(p).__name__, p.is_leaf, p.requires_grad, p is t)
q = Parameter(torch.tensor([1.5, 2.5]), requires_grad=False)
print(q)
with torch.no_grad():
    p.mul_(3)
print(t)
print(p * 2)
print(p.detach())
print(Parameter(torch.tensor(2.5)))
loss = (p * p).sum()
loss.backward()
print(p.grad)
