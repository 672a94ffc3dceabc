import torch
import torch.nn as nn
class Foo:
    pass
def bar():
    pass
print(torch.typename(torch.zeros(2)), torch.typename(torch.zeros(2, dtype=torch.int64)), torch.typename(torch.zeros(1, dtype=torch.float64)))
print(torch.typename(3), torch.typename('a'), torch.typename([1]), torch.typename(Foo()), torch.typename(Foo), torch.typename(bar))
print(torch.typename(nn.Linear(2, 2)), torch.typename(nn.Linear))
