import torch

A = torch.tensor([[0.9, 0.2, -0.1], [0.1, 0.8, 0.3], [-0.2, 0.1, 1.1]], requires_grad=True)
for n in [0, 1, 2, 3, 4, 5, 6, 7, -1, -2, -3]:
    y = torch.linalg.matrix_power(A, n)
    print(n, y, [f[0].name() if f[0] else None for f in y.grad_fn.next_functions])
    (y * torch.arange(9.).reshape(3, 3)).sum().backward()
    print(A.grad)
    A.grad = None
batch = torch.stack([A.detach(), A.detach().t() * 0.5]).to(torch.float64).requires_grad_()
y = torch.matrix_power(batch, 5)
print(y, y.grad_fn.name())
y.sum().backward()
print(batch.grad)
print(batch.matrix_power(-2), torch.matrix_power(torch.tensor([[1, 2], [3, 4]]), 3), torch.linalg.matrix_power(torch.tensor([[1, 2], [3, 4]]), 0))
for bad in [(torch.ones(2, 3), 2), (torch.ones(3), 2), (torch.tensor([[1, 2], [3, 4]]), -1), (torch.tensor([[1., 2.], [2., 4.]]), -1)]:
    try:
        torch.linalg.matrix_power(*bad)
    except Exception as e:
        print(type(e).__name__, e)
