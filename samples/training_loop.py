# A small training loop: linear regression y = 2x + 1 by gradient descent.
# Parameters are updated in place under no_grad, and gradients are zeroed every step.
import torch

torch.manual_seed(0)
X = torch.linspace(-1, 1, 16).reshape(-1, 1)
Y = 2 * X + 1
w = torch.zeros(1, 1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
lr = 0.5
for step in range(20):
    pred = X @ w + b
    loss = ((pred - Y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= lr * w.grad
        b -= lr * b.grad
    w.grad.zero_()
    b.grad.zero_()
    if step % 5 == 0:
        print(f"step {step:2d}  loss {loss.item():.4f}")
print(f"w = {w.item():.3f}, b = {b.item():.3f}")
