# Frozen features under no_grad: h is computed from w1 inside `with torch.no_grad():`, so h is a
# leaf without history and the loss cannot send a gradient back to w1 (w1.grad stays None),
# while w2, used outside the block, gets its gradient. `gradscope why no_grad.py` names the lines.
import torch

x = torch.tensor([[1., 2.], [3., 4.]])
w1 = torch.tensor([[0.5, -1.], [1., 0.25]], requires_grad=True)
w2 = torch.tensor([[1.], [2.]], requires_grad=True)
with torch.no_grad():
    h = x @ w1
out = h @ w2
loss = out.sum()
loss.backward()
print(h.requires_grad, w1.grad)
print(w2.grad)
