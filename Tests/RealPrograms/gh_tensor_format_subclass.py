# source: https://github.com/pytorch/pytorch/issues/82764 ("Subclass of Tensor doesn't support __format__"; issue code as given; whether the subclass line formats or raises TypeError is what PyTorch 2.15 does)
from torch import Tensor, tensor

x = Tensor(tensor(4.8801))
print(x.__format__('.4f'))

class TensorSubclass(Tensor):
    pass

y = TensorSubclass(tensor(4.8801))
print(y.__format__('.4f'))
