import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(2)
x = torch.randn(3, 4, requires_grad=True)
print(F.alpha_dropout(x, 0.5) is x)
y = F.alpha_dropout(x, 0.3, training=True)
print(y, y.grad_fn.name(), y._version)
y.sum().backward()
print(x.grad)
print(F.alpha_dropout(torch.ones(2, 3, dtype=torch.float64), 0.5, True))
z = torch.ones(5)
r = F.alpha_dropout(z, 0.2, True, inplace=True)
print(r is z, z, z._version)
m = nn.AlphaDropout(0.4)
print(m, m(torch.ones(2, 4)))
m.eval()
print(m(torch.ones(2, 4)))
print(F.alpha_dropout(torch.ones(3), 1.0, True))
print(torch.rand(2))
