# RMSNorm (module and functional), CosineSimilarity, Softmax2d and ParameterDict, as a user's
# small transformer-style block uses them.
import torch
import torch.nn as nn
import torch.nn.functional as F
from collections import OrderedDict

torch.manual_seed(0)
norm = nn.RMSNorm(4)
print(norm)
x = torch.randn(2, 3, 4, requires_grad=True)
y = norm(x)
print(y)
print(y.grad_fn, y.grad_fn.next_functions)
y.sum().backward()
print(x.grad)
print(norm.weight.grad)

norm2 = nn.RMSNorm([3, 4], eps=1e-3, elementwise_affine=False)
print(norm2, list(norm2.parameters()))
z = norm2(x.detach().double())
print(z)
print(F.rms_norm(x, (4,), eps=0.5).grad_fn)
print(torch.rms_norm(torch.arange(6.0).reshape(2, 3), [3]))

for shape, weight in [([], None), ((5,), torch.ones(4)), ((2, 3, 4, 5), None), ((2, 4), None)]:
    try:
        F.rms_norm(x, shape, weight)
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__, e)

cos = nn.CosineSimilarity(dim=1, eps=1e-6)
print(cos)
a = torch.randn(3, 5, requires_grad=True)
b = torch.randn(3, 5)
s = cos(a, b)
print(s, s.grad_fn)
s.sum().backward()
print(a.grad)

sm = nn.Softmax2d()
print(sm)
img = torch.randn(1, 3, 2, 2)
print(sm(img))
print(sm(img[0]).sum(0))
try:
    sm(torch.randn(3, 4))
except ValueError as e:
    print(e)

params = nn.ParameterDict({"b": torch.zeros(2), "a": nn.Parameter(torch.ones(3))})
print(list(params.keys()))
params["c"] = torch.randn(2, 2)
print(params)
print(len(params), "a" in params, isinstance(params["c"], nn.Parameter))
print([name for name, _ in params.named_parameters()])
ordered = nn.ParameterDict(OrderedDict([("z", torch.ones(1)), ("y", torch.zeros(1))]))
print(list(ordered), list(ordered.values()))
print(params.pop("b"), list(params.keys()))
merged = ordered | params
print(list(merged.keys()))
try:
    params[1] = torch.ones(1)
except TypeError as e:
    print(e)
try:
    params.update(5)
except TypeError as e:
    print(e)


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.scales = nn.ParameterDict({"gain": nn.Parameter(torch.full((4,), 2.0))})
        self.norm = nn.RMSNorm(4)

    def forward(self, x):
        return self.norm(x) * self.scales["gain"]


model = Model()
print(model)
out = model(torch.randn(2, 4))
out.pow(2).mean().backward()
print(model.scales["gain"].grad, model.norm.weight.grad)
