import torch
import torch.nn.functional as F

x = torch.tensor([[1.0, -2.0, 3.0], [0.5, 4.0, -1.5]], requires_grad=True)
y = F.normalize(x, dim=1)
print(y)
print(y.grad_fn.name(), y.grad_fn.next_functions[1][0].name())
y.pow(3).sum().backward()
print(x.grad)
x.grad = None
print(F.normalize(x, p=1, dim=0))

c = F.cosine_similarity(x, x * 2 + 1, dim=1)
print(c)
c.sum().backward()
print(x.grad)
x.grad = None
print(torch.cosine_similarity(x, torch.ones(3), dim=-1))

p = F.pad(x, (1, 2))
print(p)
print(p.grad_fn.name())
(p * torch.arange(12.0).reshape(2, 6)).sum().backward()
print(x.grad)
print(F.pad(x, (1, 1, 0, 1), value=-1.5))
print(F.pad(x, (-1, 1)))
print(torch.constant_pad_nd(torch.arange(3), [2, 0], 7))

labels = torch.tensor([2, 0, 1, 2])
print(F.one_hot(labels))
print(F.one_hot(labels, num_classes=5))
print(F.one_hot(torch.tensor([[0, 1], [1, 0]]), 3).shape)
for f in [lambda: F.one_hot(torch.tensor([1.0])), lambda: F.one_hot(torch.tensor([-1])),
          lambda: F.one_hot(labels, 2), lambda: F.pad(x, (1,)), lambda: F.pad(x, (1, 1, 1, 1, 1, 1))]:
    try:
        f()
    except RuntimeError as e:
        print("RuntimeError:", e)
