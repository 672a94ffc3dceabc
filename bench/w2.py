# W2: 20 steps of a 784-256-10 MLP, batch 64: forward, cross-entropy, backward, SGD update
# (mirrors w2 in torch_reference.py; measures kernel efficiency).
import torch

torch.manual_seed(0)
x = torch.randn(64, 784)
t = torch.randint(0, 10, (64,))
w1 = (torch.randn(784, 256) * 0.05).requires_grad_()
b1 = torch.zeros(256, requires_grad=True)
w2 = (torch.randn(256, 10) * 0.05).requires_grad_()
b2 = torch.zeros(10, requires_grad=True)

for step in range(20):
    h = torch.relu(x @ w1 + b1)
    loss = torch.nn.functional.cross_entropy(h @ w2 + b2, t)
    loss.backward()
    with torch.no_grad():
        for p in (w1, b1, w2, b2):
            p -= 0.01 * p.grad
            p.grad = None
