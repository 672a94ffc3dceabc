import torch
torch.manual_seed(0)

a = torch.randn(3, requires_grad=True)
b = torch.zeros(2, 1)
x, y = torch.broadcast_tensors(a, b)
print(x.shape, y.shape, x.grad_fn, y.grad_fn, y is b)
(x * torch.arange(6.0).reshape(2, 3)).sum().backward()
print(a.grad)
p, q = torch.broadcast_tensors(a, a * 2)
print(p is a, q.grad_fn)
print(torch.broadcast_tensors(torch.tensor(1.0)), torch.broadcast_tensors())
print([t.shape for t in torch.broadcast_tensors(torch.zeros(4, 1, 2), torch.zeros(3, 1), torch.zeros(2))])
for args in [(torch.zeros(2), torch.zeros(3)), (torch.zeros(2), torch.zeros(3), torch.zeros(1))]:
    try:
        torch.broadcast_tensors(*args)
    except RuntimeError as e:
        print("RuntimeError:", e)
