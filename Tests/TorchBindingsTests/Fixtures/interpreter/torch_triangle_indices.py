# torch.tril_indices / torch.triu_indices: offsets, empty and rectangular shapes, keyword arguments, PyTorch's errors, and their use to gather a triangle.
import torch
print(torch.tril_indices(3, 3), torch.tril_indices(4, 3, -1), torch.triu_indices(3, 4, 1), torch.triu_indices(2, 2, -5), torch.tril_indices(3, 3, offset=1))
print(torch.tril_indices(0, 3), torch.triu_indices(3, 0), torch.triu_indices(row=2, col=3))
for args in [(-1, 3), (3, -2)]:
    try: torch.tril_indices(*args)
    except Exception as e: print(type(e).__name__, e)
try: torch.tril_indices(3, 3, dtype=torch.float32)
except Exception as e: print(type(e).__name__, e)
torch.manual_seed(0)
x = torch.randn(4, 4, requires_grad=True)
r, c = torch.triu_indices(4, 4, 1)
y = x[r, c]
y.sum().backward()
print(y, x.grad)
i = torch.tril_indices(4, 4)
print(x[i[0], i[1]].sum().item(), x.tril().sum().item())
