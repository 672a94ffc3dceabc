import torch

torch.manual_seed(0)
A = torch.tensor([[4., 1., 0.5], [1., 3., 0.2], [0.5, 0.2, 2.]], requires_grad=True)
B = torch.tensor([[2., -1., 0.3], [0.7, 1.5, -2.], [1.1, 0.4, 0.9]], requires_grad=True)

for M in (A, B):
    for dtype in (torch.float32, torch.float64):
        X = M.detach().to(dtype).requires_grad_()
        inv = torch.linalg.inv(X)
        print(inv, inv.grad_fn.name(), inv.grad_fn._saved_inverse.shape)
        (inv * torch.arange(9.).reshape(3, 3).to(dtype)).sum().backward()
        print(X.grad)
        X.grad = None
        d = torch.linalg.det(X)
        print(d, d.grad_fn.name(), d.grad_fn._saved_A.shape, d.grad_fn._saved_result)
        d.backward()
        print(X.grad)
        X.grad = None
        s = torch.linalg.slogdet(X)
        print(s)
        print(s.sign, s.logabsdet, s[0].grad_fn.name())
        s.logabsdet.backward()
        print(X.grad)
        X.grad = None

# method and torch.* spellings, a transposed (non-contiguous) input
print(A.inverse(), torch.inverse(B.t()), torch.det(B.t()), B.det(), A.logdet(), torch.logdet(B))
print(torch.slogdet(B.t()), B.slogdet().logabsdet)
y = torch.logdet(A)
print(y.grad_fn.name(), y.grad_fn.next_functions[1][0].name())
y.backward()
print(A.grad)
A.grad = None

# batches, with one matrix of negative determinant (logdet is nan there)
batch = torch.stack([A, B, B.t() + 1, -A]).detach().requires_grad_()
for f in (torch.linalg.inv, torch.linalg.det, torch.logdet, lambda m: torch.linalg.slogdet(m).logabsdet):
    y = f(batch)
    print(y)
    y.sum().backward() if y.dim() < 3 else (y * y).sum().backward()
    print(batch.grad)
    batch.grad = None

# a singular matrix: its determinant is zero, so is the gradient without create_graph
S = torch.tensor([[1., 2.], [2., 4.]], requires_grad=True)
d = torch.det(S)
print(d, torch.linalg.slogdet(S), torch.logdet(S))
d.backward()
print((S.grad == 0).all())
print(torch.linalg.det(torch.eye(3)[:, [2, 0, 1]]), torch.linalg.det(torch.zeros(0, 0)), torch.linalg.inv(torch.ones(1, 1) * 4))
