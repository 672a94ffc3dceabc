import torch

# iterating over a tensor runs one unbind(0): every row has the same UnbindBackward0
t = torch.arange(6.0).reshape(3, 2).requires_grad_()
rows = [row for row in t * 1]
print(rows[0].grad_fn, rows[0].grad_fn is rows[2].grad_fn, rows[1]._version)
total = sum(row.sum() * (i + 1) for i, row in enumerate(t * 2))
total.backward()
print(t.grad)
for a, b in torch.tensor([[1, 2], [3, 4]]):
    print(a, b)
