import torch

torch.manual_seed(0)
A = torch.tensor([[4., 1., 0.5], [1., 3., 0.2], [0.5, 0.2, 2.]], requires_grad=True)
B = torch.tensor([[2., -1., 0.3], [0.7, 1.5, -2.], [1.1, 0.4, 0.9]], requires_grad=True)

for dtype in (torch.float32, torch.float64):
    M = B.detach().to(dtype).requires_grad_()
    b = torch.tensor([1., -2., 0.5], dtype=dtype, requires_grad=True)
    x = torch.linalg.solve(M, b)
    print(x, x.grad_fn.name(), x.grad_fn._saved_left, x.grad_fn._saved_A.shape, x.grad_fn._saved_result.shape)
    (x * x).sum().backward()
    print(M.grad, b.grad)
    M.grad = None
    R = torch.tensor([[1., 2.], [0.5, -1.], [3., 0.25]], dtype=dtype, requires_grad=True)
    x = torch.linalg.solve(M, R)
    print(x)
    (x * x).sum().backward()
    print(M.grad, R.grad)
    M.grad = None
    R.grad = None
    x = torch.linalg.solve(M.t(), R.t(), left=False)
    print(x)
    x.sum().backward()
    print(M.grad, R.grad)

# batched A, broadcast right-hand sides
batch = torch.stack([A, B, B.t() + 1]).detach().requires_grad_()
rhs = torch.tensor([1., 2., 3.], requires_grad=True)
x = torch.linalg.solve(batch, rhs)
print(x)
x.sum().backward()
print(batch.grad, rhs.grad)
batch.grad = None
rhs2 = torch.tensor([[1., 0.], [2., -1.], [3., 0.5]], requires_grad=True)
x = torch.linalg.solve(batch, rhs2)
print(x)
x.pow(2).sum().backward()
print(batch.grad, rhs2.grad)
x = torch.linalg.solve(A, torch.ones(2, 3, 1))
print(x.shape, x)
x = torch.linalg.solve(batch, torch.ones(3, 3))
print(x)

# cholesky: lower and upper, batched, float64
for dtype in (torch.float32, torch.float64):
    P = A.detach().to(dtype).requires_grad_()
    L = torch.linalg.cholesky(P)
    print(L, L.grad_fn.name(), L.grad_fn._saved_upper, L.grad_fn._saved_L.shape)
    (L * torch.arange(9.).reshape(3, 3).to(dtype)).sum().backward()
    print(P.grad)
    P.grad = None
    U = torch.linalg.cholesky(P, upper=True)
    print(U)
    U.sum().backward()
    print(P.grad)
