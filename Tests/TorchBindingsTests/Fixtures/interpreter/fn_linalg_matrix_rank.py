import torch

A = torch.eye(10)
print(torch.linalg.matrix_rank(A))
B = torch.eye(10)
B[0, 0] = 0
print(torch.linalg.matrix_rank(B))
torch.manual_seed(0)
print(torch.linalg.matrix_rank(torch.randn(4, 3, 2)))
A = torch.randn(2, 4, 3, 3)
print(torch.linalg.matrix_rank(A), torch.linalg.matrix_rank(A.double()))
print(torch.linalg.matrix_rank(A, hermitian=True))
print(torch.linalg.matrix_rank(A, hermitian=True, atol=1.0, rtol=0.0))
print(torch.linalg.matrix_rank(A, atol=1.0, rtol=0.0), torch.linalg.matrix_rank(A, 1.0))
print(torch.linalg.matrix_rank(A, atol=1.0), torch.linalg.matrix_rank(A, rtol=0.5))
low = torch.randn(5, 2) @ torch.randn(2, 5)
print(torch.linalg.matrix_rank(low), torch.linalg.matrix_rank(low.double()))
print(torch.linalg.matrix_rank(torch.zeros(0, 3, 3)), torch.linalg.matrix_rank(torch.zeros(2, 0, 3)))
r = torch.linalg.matrix_rank(torch.randn(3, 3, requires_grad=True))
print(r.requires_grad, r.dtype)
for bad in [lambda: torch.linalg.matrix_rank(torch.ones(3)), lambda: torch.linalg.matrix_rank(torch.ones(3, 3, dtype=torch.long))]:
    try:
        bad()
    except RuntimeError as err:
        print("RuntimeError", err)
