# A lazy module becomes its concrete class after the first forward, as PyTorch's
# LazyModuleMixin does by assigning __class__ = cls_to_become.
import torch
import torch.nn as nn

torch.manual_seed(0)
lin = nn.LazyLinear(3)
print(type(lin).__name__, isinstance(lin, nn.Linear))
out = lin(torch.ones(2, 4))
print(type(lin).__name__, type(lin) is nn.Linear, isinstance(lin, nn.Linear))
print(lin)
print(lin.weight.shape, out.shape)

class Box:
    pass

class Other:
    def hello(self):
        return "other"

b = Box()
b.__class__ = Other
print(type(b).__name__, b.hello())
try:
    b.__class__ = 3
except TypeError as e:
    print("TypeError:", e)
