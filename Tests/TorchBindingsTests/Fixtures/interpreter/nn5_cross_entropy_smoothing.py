import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(4, 5, requires_grad=True)
t = torch.tensor([1, 0, 4, 2])
print(nn.CrossEntropyLoss(label_smoothing=0.1)(x, t))
print(F.cross_entropy(x, t, label_smoothing=0.2, reduction='sum'))
print(F.cross_entropy(x, t, weight=torch.arange(1., 6.), label_smoothing=0.2))
print(F.cross_entropy(x, torch.tensor([1, -100, 4, 2]), label_smoothing=0.2, reduction='none'))
print(F.cross_entropy(x, torch.tensor([1, 3, 3, 2]), weight=torch.arange(1., 6.), ignore_index=3, label_smoothing=0.5))
y = F.cross_entropy(x, t, label_smoothing=0.1)
y.backward()
print(y.grad_fn.name(), [n.name() for n, _ in y.grad_fn.next_functions], x.grad)
p = torch.softmax(torch.randn(4, 5), 1)
for kwargs in [{}, dict(label_smoothing=0.3), dict(reduction='sum'), dict(reduction='none', weight=torch.arange(1., 6.))]:
    out = F.cross_entropy(x, p, **kwargs)
    print(out, out.grad_fn.name())
print(F.cross_entropy(x[0], p[0]), F.cross_entropy(x[0], torch.tensor(3), label_smoothing=0.25))
for args, kwargs in [((x, t), dict(label_smoothing=1.5)), ((x, p.long()), {}), ((x, p), dict(ignore_index=1))]:
    try:
        F.cross_entropy(*args, **kwargs)
    except RuntimeError as err:
        print(err)
