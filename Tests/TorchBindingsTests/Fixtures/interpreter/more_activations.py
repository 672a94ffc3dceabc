# hardsigmoid, hardswish, mish, softshrink, hardshrink, threshold, celu, selu, softsign,
# tanhshrink, softmin (functional and module forms), hardtanh/relu6/logsigmoid modules:
# values, gradients, grad_fn names, reprs and errors.
import torch
import torch.nn as nn
import torch.nn.functional as F

x = torch.tensor([[-4.0, -3.0, -1.25, -0.5, 0.0], [0.3, 0.5, 1.0, 2.5, 3.5]], requires_grad=True)
cases = [
    ("hardsigmoid", lambda t: F.hardsigmoid(t)),
    ("hardswish", lambda t: F.hardswish(t)),
    ("mish", lambda t: F.mish(t)),
    ("softshrink", lambda t: F.softshrink(t, 0.5)),
    ("hardshrink", lambda t: F.hardshrink(t)),
    ("threshold", lambda t: F.threshold(t, 0.4, -7.0)),
    ("celu", lambda t: F.celu(t, 2.0)),
    ("selu", lambda t: F.selu(t)),
    ("softsign", lambda t: F.softsign(t)),
    ("tanhshrink", lambda t: F.tanhshrink(t)),
    ("softmin", lambda t: F.softmin(t, dim=1)),
    ("torch.selu", lambda t: torch.selu(t)),
    ("torch.celu", lambda t: torch.celu(t)),
    ("torch.threshold", lambda t: torch.threshold(t, 1.0, 0.0)),
    ("hardshrink method", lambda t: t.hardshrink(1.0)),
]
for name, f in cases:
    y = f(x)
    print(name, y, y.grad_fn.name())
    (y * torch.arange(10.0).reshape(2, 5)).sum().backward()
    print(x.grad)
    x.grad = None
print(F.mish(torch.tensor([30.0, -30.0], dtype=torch.float64)))
mods = [nn.Hardtanh(), nn.Hardtanh(-2.0, 3.0), nn.ReLU6(), nn.Mish(), nn.Hardswish(), nn.Hardsigmoid(), nn.Softsign(),
        nn.LogSigmoid(), nn.Softmin(dim=0), nn.CELU(0.5), nn.SELU(), nn.Threshold(0.1, 20.0), nn.Tanhshrink(),
        nn.Softshrink(0.25), nn.Hardshrink()]
for m in mods:
    y = m(x)
    print(m, y.grad_fn.name())
    print(y)
model = nn.Sequential(nn.Linear(5, 3), nn.ReLU6(), nn.Linear(3, 2), nn.SELU())
print(model)
for bad in [lambda: F.softshrink(x, -1.0), lambda: F.hardswish(torch.tensor([1, 2]))]:
    try:
        bad()
    except RuntimeError as err:
        print("RuntimeError:", err)
try:
    nn.Hardtanh(1.0, 0.5)
except AssertionError as err:
    print("AssertionError:", err)
