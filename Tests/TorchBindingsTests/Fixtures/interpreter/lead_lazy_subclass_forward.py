# A subclass of a lazy module: its first call runs the subclass's forward (bound before the
# materialising pre-hook), after which the module has become a plain Linear.
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)


class Doubled(nn.LazyLinear):
    def forward(self, x):
        print("Doubled.forward")
        return F.linear(x, self.weight, self.bias) * 2


m = Doubled(2)
x = torch.ones(1, 3)
print(type(m).__name__)
print(m(x))
print(type(m).__name__, isinstance(m, Doubled), isinstance(m, nn.Linear))
print(m(x))


class WithSuper(nn.LazyLinear):
    def forward(self, x):
        return super().forward(x)


try:
    WithSuper(2)(x)
except TypeError as e:
    print("TypeError:", e)


class Base:
    def hello(self):
        return "base"


class Child(Base):
    def hello(self):
        return "child+" + super().hello()


class Other:
    pass


c = Child()
print(c.hello())
c.__class__ = Other
try:
    super(Child, c).hello()
except TypeError as e:
    print("TypeError:", e)
print(super(Child, Child).hello(c))
