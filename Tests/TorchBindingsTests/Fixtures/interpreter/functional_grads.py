import torch
import torch.nn.functional as F
x = torch.tensor([[1., -2., 3.], [0.5, 0., -1.]], requires_grad=True)
labels = torch.tensor([2, 0])
loss = F.cross_entropy(x, labels)
print(loss, loss.grad_fn.name())
loss.backward()
print(x.grad)
x.grad = None
m = F.mse_loss(x, torch.zeros(2, 3))
m.backward()
print(m.grad_fn.name(), x.grad)
w = torch.tensor([[1., 0., 1.], [0., 1., 0.]], requires_grad=True)
out = F.linear(x, w).sum()
out.backward()
print(w.grad)
s = F.softmax(x, dim=1)
print(s.grad_fn.name())
