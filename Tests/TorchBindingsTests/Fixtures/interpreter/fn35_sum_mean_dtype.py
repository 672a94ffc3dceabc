import torch
x = torch.tensor([[1.5, -2.0, 3.0], [0.5, 0.25, -1.0]], requires_grad=True)
s = x.sum(dtype=torch.float64)
print(s, s.grad_fn, s.grad_fn._saved_self_sym_sizes)
s.backward()
print(x.grad, x.grad.dtype)
m = x.mean(1, dtype=torch.float64)
print(m, m.grad_fn._saved_self_sym_sizes, m.grad_fn._saved_dim)
m.sum().backward()
print(x.grad)
i = torch.tensor([[1, 2], [3, 4]])
print(i.sum(dtype=torch.int32), i.sum(1, dtype=torch.float32), i.mean(dtype=torch.float32), torch.mean(i, 0, dtype=torch.float64))
print(torch.sum(x, dtype=torch.float64), torch.sum(i, dim=(0, 1), keepdim=True, dtype=torch.float64))
y = torch.tensor([1e8, 1.0, -1e8, 3.5], dtype=torch.float32)
print(y.sum(dtype=torch.float64).item(), y.sum().item(), y.mean(dtype=torch.float64).item(), y.mean().item())
torch.manual_seed(0)
r = torch.randn(7, 300)
print(repr(r.sum(dtype=torch.float64).item()), [repr(v) for v in r.mean(1, dtype=torch.float64).tolist()])
for f in [lambda: i.mean(dtype=torch.int64), lambda: i.mean(), lambda: x.mean(dtype=torch.int64)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
