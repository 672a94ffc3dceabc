import torch
def step(x):
    y = x * 2
    return y.backward()
x = torch.ones(3, requires_grad=True)
step(x)
