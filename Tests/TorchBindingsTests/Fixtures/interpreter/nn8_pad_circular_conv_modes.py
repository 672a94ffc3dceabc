import torch
import torch.nn as nn
import torch.nn.functional as F


def walk(fn, depth=0):
    if fn is None:
        print("  " * depth + "None")
        return
    print("  " * depth + fn.name())
    for f, _ in fn.next_functions:
        walk(f, depth + 1)


torch.manual_seed(3)
x = torch.randn(2, 3, 5, requires_grad=True)
y = F.pad(x, (2, 3), mode="circular")
print(y[1])
walk(y.grad_fn)
(y * torch.arange(10.0)).sum().backward()
print(x.grad[0])

z = torch.arange(24.0, dtype=torch.float64).view(2, 3, 4).requires_grad_()
w = F.pad(z, (1, -1, 2, 0), mode="circular")
print(w)
w.pow(2).sum().backward()
print(z.grad)

v = torch.arange(16.0).view(1, 1, 2, 2, 4)
print(F.pad(v, (1, 1, 1, 0, 0, 1), mode="circular").shape)
print(F.pad(v, (1, 1, 1, 0, 0, 1), mode="circular")[0, 0, 2])
print(F.pad(torch.arange(6.0).view(2, 3), (3, 3), mode="circular"))
with torch.no_grad():
    print(F.pad(x, (1, 1), mode="circular").requires_grad)

for mode in ["circular", "reflect", "replicate"]:
    torch.manual_seed(1)
    c1 = nn.Conv1d(3, 2, 3, padding=2, dilation=2, padding_mode=mode)
    c2 = nn.Conv2d(2, 4, (3, 2), padding="same", padding_mode=mode, bias=False)
    print(c1, c2, c2._reversed_padding_repeated_twice, c1._reversed_padding_repeated_twice)
    out1 = c1(x)
    out2 = c2(x.unsqueeze(0))
    print(out1[0], out2.shape)
    x.grad = None
    (out1.sum() + out2.pow(2).sum()).backward()
    print(x.grad[1])

transposed = nn.ConvTranspose2d(1, 1, 2)
transposed.padding_mode = "circular"
for bad in [
    lambda: F.pad(torch.ones(1, 2, 3), (4, 0), mode="circular"),
    lambda: F.pad(torch.ones(1, 2, 3), (-4, 0), mode="circular"),
    lambda: F.pad(torch.ones(1, 2, 3), (-3, 0), mode="circular"),
    lambda: F.pad(torch.ones(3), (1, 1), mode="circular"),
    lambda: F.pad(torch.ones(1, 2, 3), (1,), mode="circular"),
    lambda: F.pad(torch.ones(1, 2, 3), (1, 1), mode="circular", value=2.0),
    lambda: F.pad(torch.ones(1, 2, 3), (1, 1), mode="reflect", value=1.0),
    lambda: F.pad(torch.ones(1, 2, 3), (1, 1), mode="wrap"),
    lambda: nn.ConvTranspose2d(1, 1, 2, padding_mode="circular"),
    lambda: nn.ConvTranspose1d(1, 1, 2, padding_mode="reflect"),
    lambda: transposed(torch.ones(1, 1, 2, 2)),
]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(F.pad(torch.ones(1, 2, 3), (1, 1), mode="circular", value=0.0).shape)
