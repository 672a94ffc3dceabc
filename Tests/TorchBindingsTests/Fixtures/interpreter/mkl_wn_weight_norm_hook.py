# torch.nn.utils.weight_norm (the forward pre-hook form) on Linear, Conv1d and Conv2d layers,
# dim 0, the last dim, None and a middle dim: weight_g / weight_v parameters, torch._weight_norm's
# fused kernel (WeightNormInterfaceBackward0, saved attributes) and its composite fallback, the
# weights and both gradients bit for bit, training steps, remove_weight_norm and the errors.
import torch
import torch.nn as nn
from torch.nn.utils import remove_weight_norm, weight_norm


def bits(t):
    return [repr(v) for v in t.flatten().tolist()]


torch.manual_seed(0)
linear = weight_norm(nn.Linear(20, 3))
print(linear)
print(sorted(name for name, _ in linear.named_parameters()))
print(linear.weight_g.shape, bits(linear.weight_g))
x = torch.randn(4, 20)
y = linear(x)
print(linear.weight.grad_fn, bits(linear.weight))
node = linear.weight.grad_fn
print(node._saved_dim, node._saved_g.shape, node._saved_v.shape, bits(node._saved_result1))
y.pow(2).sum().backward()
print(bits(linear.weight_g.grad))
print(bits(linear.weight_v.grad))

for module, dim in [
    (nn.Conv1d(3, 5, 3), 0),
    (nn.Conv2d(2, 4, 3), 0),
    (nn.Linear(7, 3), 1),
    (nn.Linear(37, 2), 0),
    (nn.Linear(3, 5), 0),
    (nn.Conv2d(3, 2, 2), None),
    (nn.Conv2d(3, 2, 2), 1),
]:
    module = weight_norm(module, dim=dim)
    if isinstance(module, nn.Linear):
        inputs = torch.randn(2, module.in_features)
    elif isinstance(module, nn.Conv1d):
        inputs = torch.randn(2, 3, 6)
    else:
        inputs = torch.randn(2, module.in_channels, 4, 4)
    out = module(inputs)
    (out * torch.linspace(-1, 1, out.numel()).view_as(out)).sum().backward()
    print(type(module).__name__, dim, module.weight_g.shape, module.weight.grad_fn.name())
    print(bits(module.weight))
    print(bits(module.weight_g.grad))
    print(bits(module.weight_v.grad))

model = nn.Sequential(weight_norm(nn.Linear(6, 8)), nn.Tanh(), weight_norm(nn.Linear(8, 1)))
opt = torch.optim.SGD(model.parameters(), lr=0.1)
data, target = torch.randn(16, 6), torch.randn(16, 1)
for step in range(3):
    opt.zero_grad()
    loss = nn.functional.mse_loss(model(data), target)
    loss.backward()
    opt.step()
    print(step, repr(loss.item()))
print(bits(model[0].weight_g))

double = weight_norm(nn.Linear(9, 2).double())
double(torch.randn(3, 9, dtype=torch.float64)).sum().backward()
print(bits(double.weight), bits(double.weight_v.grad), bits(double.weight_g.grad))

remove_weight_norm(linear)
print(sorted(name for name, _ in linear.named_parameters()), linear.weight.grad_fn)
for action in [lambda: weight_norm(weight_norm(nn.Linear(2, 2))), lambda: remove_weight_norm(nn.Linear(2, 2))]:
    try:
        action()
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__, e)
print(torch.norm_except_dim(torch.arange(6.0).view(2, 3), 2, 1))
