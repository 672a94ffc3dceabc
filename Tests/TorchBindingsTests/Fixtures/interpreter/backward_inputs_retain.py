import torch
a = torch.tensor(2., requires_grad=True)
b = torch.tensor(3., requires_grad=True)
c = a * b
c.backward(inputs=[a])
print(a.grad, b.grad)
d = a ** 2
d.backward(retain_graph=True)
d.backward(retain_graph=True)
print(a.grad)
g = a * b
g.backward(create_graph=True)
print(a.grad, a.grad.requires_grad)
