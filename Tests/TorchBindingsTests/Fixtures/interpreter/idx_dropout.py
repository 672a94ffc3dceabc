import torch
import torch.nn as nn
import torch.nn.functional as F

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

torch.manual_seed(0)
x = torch.arange(1., 13.).reshape(3, 4).requires_grad_()
y = F.dropout(x, 0.5)
print(y, y.grad_fn.name())
y.sum().backward()
print(x.grad)
print(F.dropout(x, 0.3, training=False) is x)
print(F.dropout(x, 0.0) is x)
print(F.dropout(x, 1.0))
z = torch.ones(2, 5)
r = F.dropout(z, p=0.4, inplace=True)
print(r is z, z, z._version)

c = torch.ones(2, 3, 2, 2)
d2 = F.dropout2d(c, 0.5)
print(d2)
print(F.dropout2d(torch.ones(2, 4), 0.5))
print(F.dropout1d(torch.ones(3, 4), 0.5))
print(F.dropout1d(torch.ones(2, 3, 4), 0.5).grad_fn)
u = torch.ones(3, 2, requires_grad=True)
print(F.dropout1d(u, 0.5).grad_fn.name())
print(F.dropout3d(torch.ones(1, 2, 2, 1, 2), 0.5))
print(F.dropout3d(torch.ones(3, 1, 2, 2), 0.5))

drop = nn.Dropout(p=0.25)
print(drop)
print(drop(torch.ones(2, 6)))
drop.eval()
print(drop(torch.ones(2, 6)))
print(nn.Dropout2d(0.5)(torch.ones(1, 3, 2, 2)))
print(nn.Dropout1d(0.5), nn.Dropout3d(0.1, inplace=True))
print(torch.rand(2))

attempt(lambda: F.dropout(x, 1.5))
attempt(lambda: F.dropout1d(torch.ones(2, 2, 2, 2)))
attempt(lambda: nn.Dropout(-0.1))
