# max_pool3d and avg_pool3d: values, argmax indices, gradients, what their grad_fns keep, ceil_mode,
# dilation, count_include_pad and divisor_override, and gradients against finite differences.
import torch
import torch.nn.functional as F

torch.manual_seed(11)
x = torch.randn(2, 3, 5, 6, 7, requires_grad=True)
y, i = F.max_pool3d(x, (2, 3, 2), stride=(1, 2, 1), dilation=(2, 1, 1), ceil_mode=True, return_indices=True)
y.backward(torch.randn_like(y), retain_graph=True)
print(y.shape, y[1, 2, 0], i[1, 2, 0])
print(x.grad[1, 2, 2])
fn = y.grad_fn
print(fn.name(), fn._saved_kernel_size, fn._saved_stride, fn._saved_padding, fn._saved_dilation, fn._saved_ceil_mode)
print(torch.equal(fn._saved_result1, i), F.max_pool3d(x, 2).grad_fn._saved_stride)
a = F.avg_pool3d(x, 3, stride=2, padding=1)
print(a[0, 1], a.grad_fn.name(), a.grad_fn._saved_kernel_size, a.grad_fn._saved_stride, a.grad_fn._saved_count_include_pad)
print(F.avg_pool3d(x, 3, stride=2, padding=1, count_include_pad=False)[0, 1, 1])
d = F.avg_pool3d(x, (2, 3, 2), stride=(1, 2, 1), ceil_mode=True, divisor_override=5)
print(d[1, 0, 3], d.grad_fn._saved_divisor_override)
gx, = torch.autograd.grad(a, x, torch.randn_like(a))
print(gx[0, 1, 0])
print(F.max_pool3d(x[0], 2).shape, torch.max_pool3d(x, 2, 2, 1).shape, F.max_pool3d(x, 2, return_indices=True)[1].dtype)
xd = torch.randn(1, 2, 4, 5, 4, dtype=torch.float64, requires_grad=True)
print(torch.autograd.gradcheck(lambda t: F.max_pool3d(t, 2, stride=1, padding=1), (xd,)))
print(torch.autograd.gradcheck(lambda t: F.avg_pool3d(t, 3, stride=(1, 2, 1), padding=1, ceil_mode=True), (xd,)))
nan = torch.tensor([[[[[1.0, float("nan")], [3.0, 2.0]]]]])
print(F.max_pool3d(nan, (1, 2, 2), return_indices=True))
