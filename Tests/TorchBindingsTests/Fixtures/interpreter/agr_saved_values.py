import torch

x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
s0 = x.sum()
print(s0.grad_fn._saved_self_sym_sizes)
s1 = x.sum(0)
print(s1.grad_fn._saved_dim, s1.grad_fn._saved_keepdim, s1.grad_fn._saved_self_sym_sizes)
s2 = x.sum(dim=1, keepdim=True)
print(s2.grad_fn._saved_dim, s2.grad_fn._saved_keepdim)
m0 = x.mean()
print(m0.grad_fn._saved_self_sym_numel, m0.grad_fn._saved_self_sym_sizes)
m1 = x.mean(1)
print(m1.grad_fn._saved_dim, m1.grad_fn._saved_keepdim, m1.grad_fn._saved_self_sym_numel, m1.grad_fn._saved_self_sym_sizes)
p = x.pow(2)
print(p.grad_fn._saved_exponent, p.grad_fn._saved_self is x)
p2 = x ** 0.5
print(p2.grad_fn._saved_exponent)
w = torch.ones(3, 4, requires_grad=True)
mm = x.mm(w)
print(mm.grad_fn._saved_self_sym_sizes, mm.grad_fn._saved_self_sym_strides, mm.grad_fn._saved_mat2_sym_sizes, mm.grad_fn._saved_mat2_sym_strides)
mm2 = torch.ones(2, 3).mm(w.t().t())
print(mm2.grad_fn._saved_self_sym_strides, mm2.grad_fn._saved_mat2_sym_strides, mm2.grad_fn._saved_self)
# kept values survive backward; tensors do not
s1.backward(torch.ones(3))
print(s1.grad_fn._saved_self_sym_sizes)
y = (x * x).mean(0)
mul = y.grad_fn.next_functions[0][0]
y.sum().backward()
print(y.grad_fn._saved_dim)
try:
    mul._saved_self
except RuntimeError as e:
    print(str(e)[:60])
# double backward through mean(dim) and sum(dim)
a = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
g, = torch.autograd.grad((a ** 3).mean(1).sum(), a, create_graph=True)
print(g)
g2, = torch.autograd.grad(g.sum(), a)
print(g2)
v = torch.ones(2, requires_grad=True)
g3, = torch.autograd.grad(a.sum(0), a, v, create_graph=True)
print(g3)
