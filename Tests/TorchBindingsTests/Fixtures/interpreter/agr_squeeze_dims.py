# squeeze with a tuple of dims (SqueezeBackward2) and its in-place form (SqueezeBackward5).
import torch

torch.manual_seed(0)
t = torch.randn(2, 1, 3, 1, requires_grad=True)
v = t.squeeze((1, 3))
print(v.shape, type(v.grad_fn).__name__, v.grad_fn._saved_dim, v.grad_fn._saved_self_sym_sizes)
v3 = t.squeeze(dim=[1])
print(v3.shape, type(v3.grad_fn).__name__, v3._base is t)
print(torch.squeeze(t, (0, 2)).shape, t.squeeze(()).shape, type(t.squeeze(()).grad_fn).__name__)
u = t.clone()
u.squeeze_((1, 3))
print(u.shape, type(u.grad_fn).__name__, u.grad_fn._saved_dim, u._version)
(u * torch.arange(6.).view(2, 3)).sum().backward()
print(t.grad.shape, t.grad.view(-1).tolist())
w = torch.randn(1, 4, 1).requires_grad_()
w.squeeze((0, 2)).pow(2).sum().backward()
print(torch.allclose(w.grad, 2 * w.detach()), w.grad.shape)
for dims in [(1, 1), (5,), (1, -3)]:
    try:
        t.squeeze(dims)
    except Exception as e:
        print(type(e).__name__, e)
s = torch.tensor(3.0, requires_grad=True)
print(s.squeeze((0,)).shape, s.squeeze((-1,)).shape)
