# torch.linalg.solve_triangular: upper and lower, left and right, unitriangular, batched and
# broadcast, a one-row right-hand side (ATen transposes the problem), A given transposed (its
# memory read as it lies), float32 and float64: the solution, its strides, both gradients
# (LinalgSolveTriangularBackward0, saved attributes) bit for bit, and the argument errors.
import torch


def bits(t):
    return [repr(v) for v in t.flatten().tolist()]


torch.manual_seed(0)
base = torch.randn(4, 4) + 4 * torch.eye(4)
for upper in [True, False]:
    for left in [True, False]:
        for unitriangular in [False, True]:
            a = (base.triu() if upper else base.tril()).requires_grad_()
            b = torch.randn(4, 3) if left else torch.randn(3, 4)
            b.requires_grad_()
            x = torch.linalg.solve_triangular(a, b, upper=upper, left=left, unitriangular=unitriangular)
            (x * torch.linspace(-1, 1, x.numel()).view_as(x)).sum().backward()
            print(upper, left, unitriangular, x.stride(), x.grad_fn.name())
            print(bits(x))
            print(bits(a.grad))
            print(bits(b.grad))

lower = base.tril().requires_grad_()
x = torch.linalg.solve_triangular(lower.mT, torch.randn(4, 2), upper=True)
node = x.grad_fn
print(node._saved_upper, node._saved_left, node._saved_unitriangular, node._saved_self.shape, node._saved_result.shape)
x.sum().backward()
print(x.stride(), bits(x), bits(lower.grad))

row = torch.randn(1, 4, requires_grad=True)
a = base.triu().requires_grad_()
x = torch.linalg.solve_triangular(a, row, upper=True, left=False)
x.pow(2).sum().backward()
print(x.stride(), bits(x), bits(row.grad), bits(a.grad))

batched = (torch.randn(2, 3, 3) + 3 * torch.eye(3)).tril().double().requires_grad_()
rhs = torch.randn(3, 5, dtype=torch.float64, requires_grad=True)
x = torch.linalg.solve_triangular(batched, rhs, upper=False)
x.sum().backward()
print(x.shape, x.stride(), bits(x))
print(bits(batched.grad), bits(rhs.grad))

a3 = torch.randn(3, 3).triu()
b3 = torch.randn(3, 2)
for call in [
    lambda: torch.linalg.solve_triangular(a3, b3[0], upper=True),
    lambda: torch.linalg.solve_triangular(a3[0], b3, upper=True),
    lambda: torch.linalg.solve_triangular(a3[:2], b3, upper=True),
    lambda: torch.linalg.solve_triangular(a3, b3.T, upper=True),
    lambda: torch.linalg.solve_triangular(a3.long(), b3.long(), upper=True),
]:
    try:
        call()
    except (RuntimeError, NotImplementedError) as e:
        print(type(e).__name__, e)
print(torch.linalg.solve_triangular(a3.double(), b3, upper=True).dtype)
