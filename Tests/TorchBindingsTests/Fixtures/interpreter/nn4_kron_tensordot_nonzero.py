import torch

torch.manual_seed(6)
a = torch.randn(2, 3, requires_grad=True)
b = torch.randn(2, 2, requires_grad=True)
k = torch.kron(a, b)
print(k, k.grad_fn.name(), k.grad_fn.next_functions[0][0].name())
(k * torch.arange(24.0).reshape(4, 6)).sum().backward()
print(a.grad, b.grad)
print(torch.kron(torch.tensor([1, 2]), torch.tensor([[1, 10], [100, 1000]])))
print(a.kron(torch.ones(3)).shape)

p = torch.randn(3, 4, 5, requires_grad=True)
q = torch.randn(4, 5, 2, requires_grad=True)
t = torch.tensordot(p, q)
print(t, t.grad_fn.name())
t.pow(2).sum().backward()
print(p.grad[0], q.grad[:, :, 1])
print(torch.tensordot(p, q, dims=([1], [0])).shape)
print(torch.tensordot(p, q, dims=([2, 1], [1, 0])))
print(torch.tensordot(torch.arange(6.0).reshape(2, 3), torch.arange(6.0).reshape(3, 2), dims=1))
print(torch.tensordot(torch.ones(2, 3), torch.ones(4), dims=0).shape)
for bad in [lambda: torch.tensordot(p, q, dims=-1), lambda: torch.tensordot(p, q, dims=4),
            lambda: torch.tensordot(p, q, dims=([0], [0]))]:
    try:
        bad()
    except RuntimeError as e:
        print(e)

m = torch.tensor([[0.0, 1.5, 0.0], [2.0, 0.0, -1.0]])
print(torch.nonzero(m))
print(torch.nonzero(m, as_tuple=True))
print(m.nonzero(as_tuple=True))
print(m.nonzero(as_tuple=False))
print(torch.tensor([0, 3, 0, 4]).nonzero(as_tuple=True))
rows, cols = m.nonzero(as_tuple=True)
print(m[rows, cols])
