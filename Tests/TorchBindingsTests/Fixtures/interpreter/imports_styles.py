import torch
import torch.nn.functional as F
import torch.nn as nn
from torch.autograd import Variable, Function, grad
from torch import tensor, ones
import math
print(F.relu(tensor([-1., 1.])), ones(1))
print(math.sqrt(16), math.pi, math.exp(0), math.log(math.e), math.floor(2.7), math.ceil(2.1))
print(math.isclose(0.1 + 0.2, 0.3), math.inf, math.isnan(float("nan")))
print(torch.nn.functional.relu(tensor([-2.])))
print(torch.autograd.grad is grad)
try:
    import not_a_real_module_xyz
except ImportError as e:
    print(type(e).__name__)
try:
    from torch import not_a_thing
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
