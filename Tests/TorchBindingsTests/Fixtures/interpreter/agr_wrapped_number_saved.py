# a Python number meeting a tensor is wrapped as a 0-dim tensor of its own type (int64, float64,
# bool) that does not take part in type promotion like a dimensioned tensor: MulBackward0 and
# DivBackward0 save it as such (_saved_other), and the gradients keep the tensor's dtype, also for
# 0-dim inputs and float64 tensors
import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
s = torch.tensor(3.0, requires_grad=True)
d = torch.tensor([1.5, -2.0], dtype=torch.float64, requires_grad=True)
for leaf, y in [(x, x * 3), (x, x * 2.5), (x, x * True), (x, x / 4), (x, x / 0.5), (s, s * 2.5), (s, s / 3),
                (d, d * 0.1), (d, d / 7), (x, 3 * x), (s, 2.5 * s)]:
    other = y.grad_fn._saved_other
    g, = torch.autograd.grad(y.sum(), leaf)
    print(y.grad_fn.name(), other, other.dtype, other.shape, y.dtype, g, g.dtype)
i = torch.tensor([1, 2])
print((i * 2.5).dtype, (i * 2).dtype, (x.double() * 2.5).dtype, (x * True).dtype, (s * 2.5).dtype)
print((torch.tensor(2.5, dtype=torch.float64) * x).dtype, (x * torch.tensor(3)).dtype, (s * torch.tensor(2, dtype=torch.float64)).dtype)
