# Shape errors of nn.Linear with and without bias and of torch.addmm / F.linear: PyTorch names the kernel (addmm: / mm:).
import torch, torch.nn as nn
l = nn.Linear(3, 4)
for s in [(4,), (2, 4), (2, 2, 4)]:
    try: l(torch.randn(*s))
    except RuntimeError as e: print(e)
l2 = nn.Linear(3, 4, bias=False)
for s in [(4,), (2, 4), (2, 2, 4)]:
    try: l2(torch.randn(*s))
    except RuntimeError as e: print(e)
for f in [lambda: torch.addmm(torch.zeros(2), torch.randn(2, 4), torch.randn(3, 4)), lambda: torch.nn.functional.linear(torch.randn(2, 4), torch.randn(4, 3), torch.zeros(4))]:
    try:
        f()
    except RuntimeError as e:
        print(e)
