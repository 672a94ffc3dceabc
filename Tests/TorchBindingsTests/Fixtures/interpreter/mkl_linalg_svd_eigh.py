import torch

torch.manual_seed(0)
A = torch.randn(4, 3, dtype=torch.float64)
for M in (A, A.t(), torch.randn(3, 3), torch.randn(2, 2, 3)):
    r = torch.linalg.svd(M)
    print(type(r).__name__, r.U, r.S, r.Vh, r.U.stride(), r.Vh.stride())
    U, S, Vh = torch.linalg.svd(M, full_matrices=False)
    print(U, S, Vh)
    print(torch.linalg.svdvals(M), torch.linalg.matrix_norm(M, 2), torch.linalg.matrix_norm(M, -2))
    r = torch.svd(M)
    print(type(r).__name__, r.U, r.S, r.V, r.V.stride())
    print(torch.svd(M, some=False).U.shape, torch.svd(M, compute_uv=False))

# gradients: all three outputs, singular values only, torch.svd's V
for shape in ((4, 3), (3, 4), (3, 3), (2, 3, 2)):
    X = torch.randn(*shape, dtype=torch.float64, requires_grad=True)
    U, S, Vh = torch.linalg.svd(X, full_matrices=False)
    print(U.grad_fn.name(), U.grad_fn._saved_full_matrices, U.grad_fn._saved_U.shape, U.grad_fn._saved_S.shape)
    ((U[..., 0] * U[..., 0].abs()).sum() + S.exp().sum() + (Vh * Vh.abs()).sum()).backward()
    print(X.grad)
    X.grad = None
    s = torch.linalg.svdvals(X)
    print(s.grad_fn.name())
    s.pow(2).sum().backward()
    print(X.grad)
    X.grad = None
    U, S, V = torch.svd(X)
    print(V.grad_fn.name(), V.grad_fn.next_functions[0][0].name())
    (S.sum() + (U @ torch.diag_embed(S) @ V.mT).sum()).backward()
    print(X.grad)
X = torch.randn(3, 4, requires_grad=True)
U, S, Vh = torch.linalg.svd(X)
(U.sum() + S.sum()).backward()
print(U.shape, Vh.shape, X.grad)

# eigh / eigvalsh: lower and upper triangle, batched, float32 and float64
B = torch.randn(3, 3, dtype=torch.float64)
S = B @ B.t() + torch.eye(3, dtype=torch.float64)
N = torch.randn(2, 3, 3)
for M in (S, B, N, S.float()):
    r = torch.linalg.eigh(M)
    print(type(r).__name__, r.eigenvalues, r.eigenvectors, r.eigenvectors.stride())
    print(torch.linalg.eigh(M, UPLO="U"), torch.linalg.eigvalsh(M), torch.linalg.eigvalsh(M, "u"))
X = S.clone().requires_grad_()
L, V = torch.linalg.eigh(X)
print(L.grad_fn.name(), L.grad_fn._saved_eigenvalues, L.grad_fn._saved_eigenvectors.shape)
(L.sum() + (V * V.abs()).sum()).backward()
print(X.grad)
X.grad = None
l = torch.linalg.eigvalsh(X)
print(l.grad_fn.name())
(l * torch.tensor([1., 2., 3.], dtype=torch.float64)).sum().backward()
print(X.grad)
X.grad = None
torch.linalg.eigh(X)[1].pow(3).sum().backward()
print(X.grad)
X = torch.randn(2, 3, 3).requires_grad_()
torch.linalg.eigh(X, UPLO="U")[0].sum().backward()
print(X.grad)
