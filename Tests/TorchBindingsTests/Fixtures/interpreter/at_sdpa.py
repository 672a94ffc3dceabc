import torch
import torch.nn.functional as F

torch.manual_seed(0)
q = torch.randn(2, 3, 4, 8, requires_grad=True)
k = torch.randn(2, 3, 6, 8, requires_grad=True)
v = torch.randn(2, 3, 6, 5, requires_grad=True)
out = F.scaled_dot_product_attention(q, k, v)
print(out.grad_fn.name(), out.shape)
print(out[0, 0])
out.pow(2).sum().backward()
print(q.grad[1, 2])
print(k.grad[0, 1])
print(v.grad[1, 0])

mask = torch.ones(4, 6, dtype=torch.bool).tril()
out2 = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
print(out2[1, 1])
out3 = F.scaled_dot_product_attention(q, k, v, is_causal=True)
print(out3[0, 2])
print(torch.equal(out2, out3))
fmask = torch.randn(2, 1, 4, 6)
out4 = F.scaled_dot_product_attention(q, k, v, attn_mask=fmask, scale=0.3)
print(out4[1, 2])

q64, k64, v64 = q.double(), k.double(), v.double()
o64 = F.scaled_dot_product_attention(q64, k64, v64)
print(o64.grad_fn.name(), o64.dtype)
print(o64[0, 1])
print(torch.autograd.gradcheck(lambda a, b, c: F.scaled_dot_product_attention(a, b, c), (q64.detach().requires_grad_(), k64.detach().requires_grad_(), v64.detach().requires_grad_())))

q3 = torch.randn(3, 4, 8, requires_grad=True)
o3 = F.scaled_dot_product_attention(q3, q3, q3)
print(o3.grad_fn.name(), o3.grad_fn.next_functions[0][0].name())
print(o3[2])
with torch.no_grad():
    o5 = F.scaled_dot_product_attention(q, k, v)
print(o5.requires_grad, torch.equal(o5, out))
