# The divisor's gradient of a broadcast division: PyTorch computes -grad * ((self / other) / other)
# and sums it down to the divisor's shape; every value printed with all its digits.
import torch

for dtype in (torch.float32, torch.float64):
    torch.manual_seed(3)
    a = torch.randn(32, 24, dtype=dtype, requires_grad=True)
    row = (torch.rand(1, 24, dtype=dtype) + 0.5).requires_grad_()
    vec = (torch.rand(24, dtype=dtype) + 0.5).requires_grad_()
    col = (torch.rand(32, 1, dtype=dtype) + 0.5).requires_grad_()
    s = torch.tensor(1.7, dtype=dtype, requires_grad=True)
    g = torch.randn(32, 24, dtype=dtype)
    ((a / row) + (a / vec) + (a / col) + (a / s)).backward(g)
    print(dtype, [repr(v) for v in row.grad.flatten().tolist()])
    print([repr(v) for v in vec.grad.tolist()])
    print([repr(v) for v in col.grad.flatten().tolist()])
    print(repr(s.grad.item()), repr(a.grad.sum().item()))
    x = torch.randn(5, 3, dtype=dtype, requires_grad=True)
    y = (torch.rand(5, 3, dtype=dtype) + 0.5).requires_grad_()
    (x / y).sum().backward()
    print([repr(v) for v in y.grad.flatten().tolist()])
