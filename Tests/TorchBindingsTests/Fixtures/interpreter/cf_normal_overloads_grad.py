import torch

# torch.normal with a tensor mean or std is one op whose node sends zero gradients
torch.manual_seed(0)
m = torch.zeros(3, requires_grad=True)
s = torch.ones(3, requires_grad=True)
a, b, c = torch.normal(m, s), torch.normal(m, 2.0), torch.normal(0.5, s)
print(a, b, c, sep="\n")
(a.sum() + b.sum() + c.sum()).backward()
print(m.grad, s.grad)
print(torch.normal(0, 1, size=(2, 2)))
