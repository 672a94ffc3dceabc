import torch

# a list holding tensors, lists, slices, ... or None is read as a tuple of indices (with
# PyTorch's deprecation warning); a list of numbers is one index tensor
x = torch.arange(5.0)
try:
    print(x[[torch.tensor(1), torch.tensor(3)]])
except IndexError as e:
    print("IndexError:", e)
y = torch.arange(12).reshape(3, 4)
print(y[[torch.tensor(1), torch.tensor(3)]])
print(y[[[0], [1]]])
print(y[[0, slice(1, 3)]])
print(y[[0, None]])
print(y[[0, 2]])
print(y[([torch.tensor(0), torch.tensor(2)],)])
y[[1, slice(None, 2)]] = 0
print(y)
