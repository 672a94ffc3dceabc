import torch
import torch.linalg
from torch import linalg as LA

torch.manual_seed(0)
x = torch.randn(3, 4, requires_grad=True)
print(x.norm(), x.norm(1), x.norm(dim=1), x.norm(p=float("inf")), x.norm(-float("inf")), x.norm(0), x.norm(3.5))
print(torch.norm(x, p="fro"), torch.norm(x, dim=(0, 1)), torch.norm(x, p=1, dim=1, keepdim=True))
print(LA.norm(x), LA.vector_norm(x, ord=3), LA.matrix_norm(x), LA.matrix_norm(x, ord=1), LA.matrix_norm(x, ord=-1))
print(torch.linalg.matrix_norm(x, ord=float("inf")), LA.norm(x, float("-inf")), LA.norm(x, "fro"), LA.norm(x, dim=1))
with torch.no_grad():
    print(LA.matrix_norm(x, ord=2), LA.norm(x, -2), LA.norm(x.double(), 2))
for f in [lambda: x.norm(), lambda: x.norm(1, dim=0), lambda: x.norm(float("inf")), lambda: x.norm(0.5), lambda: x.norm(3), lambda: LA.matrix_norm(x, 1), lambda: LA.matrix_norm(x, -float("inf"))]:
    y = f()
    print(y.grad_fn.name())
    y.sum().backward()
    print(x.grad)
    x.grad = None
print(x.amax(1), x.amin(0, keepdim=True), torch.amax(x, (0, 1)))
z = torch.tensor([[1.0, 3.0, 3.0], [2.0, 0.0, 2.0]], requires_grad=True)
z.amax(1).sum().backward()
print(z.grad)
print(torch.zeros(3, requires_grad=True).norm().grad_fn.name())
w = torch.zeros(3, requires_grad=True)
w.norm().backward()
print(w.grad)
print(type(torch.linalg).__name__, torch.linalg.__name__, hasattr(torch, "linalg_vector_norm"))
try:
    torch.tensor([1, 2]).norm()
except NotImplementedError as e:
    print("NotImplementedError:", e)
try:
    x.norm(dim=2)
except IndexError as e:
    print("IndexError:", e)
try:
    LA.matrix_norm(torch.ones(3))
except RuntimeError as e:
    print("RuntimeError:", e)
