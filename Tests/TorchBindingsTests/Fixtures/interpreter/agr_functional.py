import torch
from torch.autograd.functional import vjp, jvp, jacobian, hessian, vhp, hvp
import torch.autograd.functional as AF

x = torch.tensor([[0.5, -1.0], [2.0, 0.25]])
def f(t):
    return (t ** 2).sum(dim=0)
print(jacobian(f, x))
print(jacobian(lambda a, b: a * b, (torch.tensor([1.0, 2.0]), torch.tensor([3.0, 4.0]))))
print(jacobian(lambda a: (a.sin(), a.cos()), torch.tensor([0.0, 1.0])))
print(hessian(lambda t: (t ** 3).sum(), torch.tensor([1.0, 2.0])))
print(vjp(f, x, torch.tensor([1.0, -1.0])))
print(jvp(f, x, torch.ones(2, 2)))
print(vhp(lambda t: (t ** 3).sum(), torch.tensor([1.0, 2.0]), torch.tensor([1.0, 0.0])))
print(hvp(lambda t: (t ** 3).sum(), torch.tensor([1.0, 2.0]), torch.tensor([1.0, 0.0]), create_graph=True))
print(AF.jacobian(f, x, create_graph=True).requires_grad)
try:
    vjp(f, x)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    jacobian(lambda t: torch.ones(2), x, strict=True)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    vjp(f, x, torch.ones(3))
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    hessian(lambda t: t * 2, torch.ones(2))
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    jacobian(f, [1.0])
except TypeError as e:
    print("TypeError:", e)
