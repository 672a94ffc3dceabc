import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
mha = nn.MultiheadAttention(6, 2, add_bias_kv=True, add_zero_attn=True)
print(mha)
print([(n, tuple(p.shape)) for n, p in mha.named_parameters()])
print(mha.bias_k)
x = torch.randn(4, 6)  # unbatched
out, w = mha(x, x, x)
print(out.shape, w.shape)
print(out)
print(w)
out2, _ = mha(x, x, x, need_weights=False)
print(out2.grad_fn.name())
print(torch.allclose(out, out2, atol=1e-6))

mha.eval()
with torch.no_grad():
    o, w = mha(x, x, x)
print(o.requires_grad, w.requires_grad)

causal = nn.Transformer.generate_square_subsequent_mask(4)
m = nn.MultiheadAttention(6, 3)
xb = torch.randn(4, 2, 6)
a, _ = m(xb, xb, xb, attn_mask=causal, need_weights=False, is_causal=True)
b, _ = m(xb, xb, xb, attn_mask=causal, need_weights=False)
print(a[3])
print((a - b).abs().max() < 1e-6)
try:
    m(xb, xb, xb, is_causal=True)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    nn.MultiheadAttention(6, 4)
except AssertionError as e:
    print("AssertionError:", e)

o, w = F.multi_head_attention_forward(
    xb, xb, xb, 6, 3, m.in_proj_weight, m.in_proj_bias, None, None, False, 0.0,
    m.out_proj.weight, m.out_proj.bias, training=False, need_weights=True, average_attn_weights=False)
print(o.grad_fn.name(), w.grad_fn.name(), w.shape)
print(w[1, 2])

torch.manual_seed(3)
q = torch.randn(2, 5, requires_grad=True)
k = torch.randn(3, 5)
v = torch.randn(3, 5)
r = F.scaled_dot_product_attention(q, k, v)
print(r)
r.sum().backward()
print(q.grad)
q4 = torch.randn(1, 2, 3, 4)
print(F.scaled_dot_product_attention(q4, q4, q4, dropout_p=0.5).shape)
print(F.scaled_dot_product_attention(q4, q4, q4, scale=0.25))
