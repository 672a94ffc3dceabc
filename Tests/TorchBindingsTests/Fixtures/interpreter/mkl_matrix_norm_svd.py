# matrix norms of order 2 and -2 are the largest and smallest singular values, which PyTorch
# computes with LAPACK's gesdd (jobz 'N') from oneMKL: a singular matrix's smallest one is a
# rounding residue such as 1.857e-16, not 0; float32 and float64, square and rectangular, batched
import torch
from torch import linalg as LA
torch.manual_seed(0)
B = (torch.arange(9, dtype=torch.float) - 4).reshape(3, 3)
for dt in [torch.float32, torch.float64]:
    M = B.to(dt)
    print(LA.norm(M, 2).item(), LA.norm(M, -2).item(), LA.matrix_norm(M, -2).item())
    for shape in [(4, 4), (5, 3), (3, 6), (2, 7, 7), (8, 8)]:
        x = torch.randn(*shape, dtype=dt)
        print(dt, shape, LA.matrix_norm(x, 2).tolist(), LA.matrix_norm(x, -2).tolist())
    r = torch.randn(6, 2, dtype=dt) @ torch.randn(2, 6, dtype=dt)
    print(dt, "rank 2", LA.matrix_norm(r, 2).item(), LA.matrix_norm(r, -2).item())
print(LA.norm(B.double(), -2), LA.norm(torch.ones(3, 3), -2), LA.norm(torch.eye(4) * 3, 2))
