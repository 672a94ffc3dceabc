# A dead ReLU: every pre-activation is negative, so relu passes no gradient back and the weight
# and bias get all-zero gradients, which no training step can change. `gradscope why` points at
# the ReLU's line.
import torch

x = torch.tensor([[1., 2.], [0.5, 1.5]])
w = torch.tensor([[-1.], [-2.]], requires_grad=True)
b = torch.tensor([-0.5], requires_grad=True)
h = torch.relu(x @ w + b)
loss = (h - 1).pow(2).mean()
loss.backward()
print(w.grad)
print(b.grad)
