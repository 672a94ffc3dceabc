import torch
x = torch.zeros(3, 4, requires_grad=True)
s = torch.arange(8.).reshape(2, 4).requires_grad_()
y = x.index_copy(0, torch.tensor([2, 0]), s)
print(y, y.grad_fn._saved_dim, y.grad_fn._saved_index, y.grad_fn._saved_source_dim)
(y * torch.arange(12.).reshape(3, 4)).sum().backward()
print(x.grad, s.grad)
z = torch.ones(2, 3)
z.index_copy_(1, torch.tensor([0, 2]), torch.tensor([[5., 6], [7, 8]]))
print(z)
print(torch.index_copy(torch.zeros(4), 0, torch.tensor([1, 3]), torch.tensor([1., 2])))
print(torch.zeros(2, 3).index_copy(-1, torch.tensor([1, 1]), torch.tensor([[1., 2], [3, 4]])))
h = torch.zeros(2, 3, requires_grad=True) * 1
h.index_copy_(0, torch.tensor([1]), torch.ones(1, 3))
print(h.grad_fn.name())
t = torch.zeros(2, 3)
for f in [lambda: t.index_copy(0, torch.tensor([0, 3]), torch.ones(2, 3)), lambda: t.index_copy(0, torch.tensor([0]), torch.ones(2, 3)),
          lambda: t.index_copy(0, torch.tensor([0.]), torch.ones(1, 3)), lambda: t.index_copy(0, torch.tensor([-1]), torch.ones(1, 3)),
          lambda: t.index_copy(0, torch.tensor([[0]]), torch.ones(1, 3)), lambda: t.index_copy(0, torch.tensor([0]), torch.ones(1, 2)),
          lambda: t.index_copy(0, torch.tensor([0], dtype=torch.int32), torch.ones(1, 3)),
          lambda: t.index_copy(0, torch.tensor([0]), torch.ones(1, 3, dtype=torch.float64)),
          lambda: t.index_copy(2, torch.tensor([0]), torch.ones(1, 3))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
