# source: pytorch/pytorch torch/_tensor_str.py (docstring examples of torch.set_printoptions, each `>>>` result printed; a few further cases of the options it documents - sci_mode, linewidth, edgeitems - added)
import torch

# Limit the precision of elements
torch.set_printoptions(precision=2)
print(torch.tensor([1.12345]))
# Limit the number of elements shown
torch.set_printoptions(threshold=5)
print(torch.arange(10))
# Restore defaults
torch.set_printoptions(profile='default')
print(torch.tensor([1.12345]))
print(torch.arange(10))

print(torch.arange(2000) / 7)
print(torch.tensor([1e-8, 1.0, 1000.0]))
torch.set_printoptions(sci_mode=False)
print(torch.tensor([1e-8, 1.0, 1000.0]))
torch.set_printoptions(profile='default')
torch.set_printoptions(linewidth=40)
print(torch.linspace(0, 1, 12))
torch.set_printoptions(profile='default')
torch.set_printoptions(edgeitems=1, threshold=10)
print(torch.arange(100).reshape(10, 10))
torch.set_printoptions(profile='full')
print(torch.arange(1200))
torch.set_printoptions(profile='short')
print(torch.tensor([3.14159265, 2.71828183]))
torch.set_printoptions(profile='default')
print(torch.tensor([3.14159265, 2.71828183]))
