import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

# SiLU / Softplus modules, reprs and gradients
x = torch.randn(2, 5, requires_grad=True)
for m in [nn.SiLU(), nn.SiLU(inplace=True), nn.Softplus(), nn.Softplus(beta=2, threshold=10.0)]:
    print(m)
y = nn.SiLU()(x)
print(y)
y.sum().backward()
print(x.grad)
x.grad = None
z = nn.Softplus(beta=2, threshold=1.0)(x)
print(z)
z.sum().backward()
print(x.grad)

# inplace= through the functional forms and the modules
for name, args in [("leaky_relu", (0.2,)), ("elu", (0.5,)), ("selu", ()), ("hardtanh", (-0.5, 0.5)), ("relu6", ()),
                   ("silu", ()), ("mish", ()), ("hardswish", ()), ("hardsigmoid", ())]:
    a = torch.randn(4, requires_grad=True)
    b = a * 3
    out = getattr(F, name)(b, *args, inplace=True)
    print(name, out is b, out.grad_fn.name(), out)
    out.sum().backward()
    print(a.grad)
    print(name, getattr(F, name)(a.detach(), *args))

net = nn.Sequential(nn.Linear(4, 6), nn.LeakyReLU(0.2, inplace=True), nn.Linear(6, 6), nn.ELU(inplace=True),
                    nn.Linear(6, 3), nn.SiLU(inplace=True), nn.Hardswish(inplace=True))
print(net)
inp = torch.randn(3, 4)
out = net(inp)
print(out)
out.sum().backward()
print(net[0].weight.grad)
try:
    F.hardtanh(x, 1.0, -1.0)
except ValueError as e:
    print("ValueError:", e)
try:
    a = torch.randn(3, requires_grad=True)
    F.leaky_relu(a, 0.1, True)
except RuntimeError as e:
    print("RuntimeError:", e)

# HuberLoss / KLDivLoss modules
loss = nn.HuberLoss()
print(loss, loss.reduction, loss.delta)
inp = torch.randn(3, 5, requires_grad=True)
target = torch.randn(3, 5)
out = loss(inp, target)
print(out)
out.backward()
print(inp.grad)
print(nn.HuberLoss(reduction="sum", delta=0.5)(inp, target))
print(nn.HuberLoss(reduction="none", delta=2.0)(inp, target))

kl_loss = nn.KLDivLoss(reduction="batchmean")
print(kl_loss)
inp = F.log_softmax(torch.randn(3, 5, requires_grad=True), dim=1)
target = F.softmax(torch.rand(3, 5), dim=1)
output = kl_loss(inp, target)
print(output)
kl_loss = nn.KLDivLoss(reduction="batchmean", log_target=True)
log_target = F.log_softmax(torch.rand(3, 5), dim=1)
output = kl_loss(inp, log_target)
print(output)
print(nn.KLDivLoss(reduction="sum")(inp, target))
