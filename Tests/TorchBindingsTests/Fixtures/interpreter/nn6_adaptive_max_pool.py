# Adaptive max and average pooling, 1-D and 2-D: values, argmax indices, gradients (ties and
# overlapping windows), grad_fns, modules, None in output_size, and the errors.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(2, 3, 5, 7, requires_grad=True)
y, idx = F.adaptive_max_pool2d(x, (3, 4), return_indices=True)
print(y)
print(idx)
print(y.grad_fn, torch.equal(y.grad_fn._saved_result1, idx), torch.equal(y.grad_fn._saved_self, x))
(y * torch.arange(24.0).reshape(2, 3, 4).unsqueeze(0).reshape(1, 2, 3, 4).repeat(1, 1, 1, 1).sum(1, keepdim=True)).sum().backward()
print(x.grad)

ties = torch.tensor([[[1.0, 3.0, 3.0], [2.0, 3.0, 0.0], [float("nan"), 1.0, 5.0]]], requires_grad=True)
out, where = F.adaptive_max_pool2d(ties, 2, return_indices=True)
print(out, where)
out.sum().backward()
print(ties.grad)
print(F.adaptive_max_pool2d(x, (2, None)).shape, F.adaptive_max_pool2d(x, (None, 1)).shape)
print(F.adaptive_max_pool2d_with_indices(x, 1)[1].flatten())

signal = torch.randn(2, 3, 10, requires_grad=True)
pooled, where1 = F.adaptive_max_pool1d(signal, 4, return_indices=True)
print(pooled, where1)
print(pooled.grad_fn, pooled.grad_fn.next_functions)
pooled.pow(2).sum().backward()
print(signal.grad)
avg = F.adaptive_avg_pool1d(signal, 3)
print(avg, avg.grad_fn, avg.grad_fn.next_functions)
print(torch.adaptive_avg_pool1d(signal, [1]).grad_fn.next_functions)
print(torch.adaptive_max_pool1d(signal[0], 2))

pool = nn.AdaptiveMaxPool2d((2, 2))
print(pool, nn.AdaptiveMaxPool1d(3, return_indices=True), nn.AdaptiveAvgPool1d(5))
print(pool(x).shape, nn.AdaptiveMaxPool1d(3, return_indices=True)(signal)[1].shape, nn.AdaptiveAvgPool1d(5)(signal).shape)
net = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.AdaptiveMaxPool2d(1), nn.Flatten(), nn.Linear(4, 2))
loss = net(x.detach()).sum()
loss.backward()
print(loss, net[0].weight.grad.sum(), net[4].weight.grad)

for bad in [
    lambda: F.adaptive_max_pool2d(torch.randn(5, 7), 2),
    lambda: F.adaptive_max_pool2d(x, (2, 3, 4)),
    lambda: F.adaptive_max_pool2d(x, -1),
    lambda: F.adaptive_max_pool2d(torch.randn(1, 0, 4, 4), 2),
    lambda: F.adaptive_max_pool2d(torch.ones(2, 3, 3, dtype=torch.long), 2),
    lambda: F.adaptive_max_pool1d(torch.randn(1, 2, 3, 4), 2),
    lambda: F.adaptive_max_pool1d(signal, (2, 3)),
    lambda: F.adaptive_avg_pool1d(signal, (2, 3)),
    lambda: F.adaptive_avg_pool1d(torch.randn(2, 3, 4, 5), 2),
]:
    try:
        print(bad())
    except (RuntimeError, ValueError, NotImplementedError) as e:
        print(type(e).__name__, e)
print(F.adaptive_max_pool2d(torch.randn(1, 3, 4), (0, 2)))
