import torch
import torch.nn.functional as F

torch.manual_seed(0)
q = torch.randn(2, 2, 3, 4, requires_grad=True)
k = torch.randn(2, 2, 5, 4, requires_grad=True)
v = torch.randn(2, 2, 5, 4, requires_grad=True)
mask = torch.randn(3, 5)
out = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
print(out.grad_fn.name(), [f[0].name() if f[0] is not None else None for f in out.grad_fn.next_functions])
print(out[1, 0])
(out * torch.linspace(-1, 1, 4)).sum().backward()
print(q.grad[0, 1])
print(k.grad[1, 0])
print(v.grad[0, 0])

out = F.scaled_dot_product_attention(q, k, v, is_causal=True)
g = torch.autograd.grad(out.sum(), (q, k, v))
print(g[0][1, 1])
print(g[1][0, 1])
print(g[2][1, 0])

qd, kd, vd = (t.detach().double().requires_grad_() for t in (q, k, v))
print(torch.autograd.gradcheck(lambda a, b, c: F.scaled_dot_product_attention(a, b, c, attn_mask=mask.double()), (qd, kd, vd)))
print(torch.autograd.gradcheck(lambda a, b, c: F.scaled_dot_product_attention(a, b, c, is_causal=True, scale=0.7), (qd, kd, vd)))

x = torch.randn(3, 4, 4, requires_grad=True)
m = torch.ones(4, 4, dtype=torch.bool).tril()
o = F.scaled_dot_product_attention(x, x, x, attn_mask=m)
o.sum().backward()
print(x.grad[2])

p = torch.randn(4, 6, requires_grad=True)
r = F.scaled_dot_product_attention(p, p, p)
print(r.grad_fn.name(), r.grad_fn.next_functions[0][0].name())
torch.manual_seed(5)
d = F.scaled_dot_product_attention(q, k, v, dropout_p=0.3)
print(d.grad_fn.name())
print(d[0, 1])
