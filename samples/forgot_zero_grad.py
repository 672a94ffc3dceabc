# A training loop that forgets to zero the gradients: every loss.backward() adds onto the
# previous .grad, so each step uses the sum of all gradients so far and the loss oscillates
# instead of settling. `gradscope why` flags the .grad that kept accumulating.
import torch

X = torch.linspace(-1, 1, 8).reshape(-1, 1)
Y = 3 * X - 1
w = torch.zeros(1, 1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
for step in range(6):
    loss = ((X @ w + b - Y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= 0.3 * w.grad
        b -= 0.3 * b.grad
    print(f"step {step}  loss {loss.item():.4f}")
