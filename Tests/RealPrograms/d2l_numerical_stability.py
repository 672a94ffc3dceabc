# source: d2l-ai/d2l-en chapter_multilayer-perceptrons/numerical-stability-and-init.md@23d7a5aecceee57d1292c56e90cce307f183bb0a (pytorch tab; d2l.plot of sigmoid and its gradient replaced by printing a few values; seeded with torch.manual_seed(0))
import torch

torch.manual_seed(0)  # added

x = torch.arange(-8.0, 8.0, 0.1, requires_grad=True)
y = torch.sigmoid(x)
y.backward(torch.ones_like(x))

# d2l.plot(x.detach().numpy(), [y.detach().numpy(), x.grad.numpy()], ...)  (plot replaced)
print(x.detach()[::20])
print(y.detach()[::20])
print(x.grad[::20])
print(x.grad.max(), x.grad.argmax())

M = torch.normal(0, 1, size=(4, 4))
print('a single matrix \n',M)
for i in range(100):
    M = M @ torch.normal(0, 1, size=(4, 4))
print('after multiplying 100 matrices\n', M)
