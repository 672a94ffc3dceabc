# W1: a chain of 10,000 elementwise ops on a 1-element tensor, then one backward
# (mirrors w1 in torch_reference.py; measures per-op overhead).
import torch

x = torch.tensor([0.5], requires_grad=True)
y = x
for i in range(5000):
    y = y * 1.0001
    y = y + 0.0001
y.backward()
