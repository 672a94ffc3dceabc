import torch

torch.manual_seed(0)
A = torch.randn(4, 3, dtype=torch.float64, requires_grad=True)
for M in (A, A.t(), torch.randn(2, 3, 3), torch.tensor([[1., 2.], [2., 4.]])):
    print(torch.linalg.pinv(M), torch.linalg.pinv(M, rtol=0.3), torch.linalg.pinv(M, atol=0.5), torch.pinverse(M))
S = torch.tensor([[2., 1., 0.], [1., 3., 1.], [0., 1., -1.]])
print(torch.linalg.pinv(S, hermitian=True), torch.linalg.pinv(S, hermitian=True, atol=1.5))
for X in (A, A.detach().t().clone().requires_grad_()):
    p = torch.linalg.pinv(X)
    print(p.grad_fn.name(), p.grad_fn._saved_self.shape, p.grad_fn._saved_result.shape)
    (p * torch.arange(12.).reshape(p.shape)).sum().backward()
    print(X.grad)
H = S.clone().requires_grad_()
torch.linalg.pinv(H, hermitian=True).sum().backward()
print(H.grad)
try:
    torch.linalg.pinv(torch.ones(2, 2, dtype=torch.long))
except RuntimeError as e:
    print(e)
try:
    torch.linalg.pinv(torch.ones(3, 2), hermitian=True)
except RuntimeError as e:
    print(e)

# multi_dot: the cheapest order, 1-D ends, the graph PyTorch builds
a = torch.randn(3, requires_grad=True)
B = torch.randn(3, 5, requires_grad=True)
C = torch.randn(5, 2, requires_grad=True)
D = torch.randn(2, 4, requires_grad=True)
e = torch.randn(4, requires_grad=True)
for chain in ([B, C], [B, C, D], [a, B, C, D, e], [B, C, D, e], [a, B], [a, B, C], [B.t(), a]):
    r = torch.linalg.multi_dot(chain)
    print(r, r.shape, r.grad_fn.name(), r.grad_fn.next_functions[0][0].name())
    r.sum().backward()
print(a.grad, B.grad, C.grad, D.grad, e.grad)
M = [torch.randn(n, m) for n, m in ((10, 3), (3, 8), (8, 2), (2, 7), (7, 5))]
print(torch.linalg.multi_dot(M))
for chain in ([torch.ones(2, 2)], [], [torch.ones(2, 2), torch.ones(3, 2)], [torch.ones(2, 2, 2), torch.ones(2, 2)],
              [torch.ones(2, 2), torch.ones(2, 2, 2)], [torch.ones(2, 2), torch.ones(2, 2, 2), torch.ones(2, 2)],
              [torch.ones(2, 2), torch.ones(2, 2, dtype=torch.float64)]):
    try:
        torch.linalg.multi_dot(chain)
    except RuntimeError as e:
        print(e)
