import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(1, 2, 5, 6, requires_grad=True)
for pool in [nn.LPPool2d(2, 2), nn.LPPool2d(1.5, (2, 3), stride=1), nn.LPPool2d(3, 2, ceil_mode=True)]:
    y = pool(x)
    y.sum().backward()
    print(pool, y.grad_fn.name())
    print(y, x.grad)
    x.grad = None
s = torch.rand(2, 3, 7, requires_grad=True)
for pool in [nn.LPPool1d(2, 3), nn.LPPool1d(1, 2, stride=1), nn.LPPool1d(float("inf"), 2)]:
    y = pool(s)
    y.sum().backward()
    print(pool, y, s.grad)
    s.grad = None
print(F.lp_pool2d(x, float("-inf"), 2))
for bad in [lambda: nn.LPPool2d(0, 2), lambda: F.lp_pool1d(s, 0, 2)]:
    try:
        bad()
    except ValueError as err:
        print("ValueError", err)
