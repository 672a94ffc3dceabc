# masked_fill's result is a contiguous clone of the broadcast input, whatever the layouts of the
# input and the mask (torch.where follows its operands instead); sums printed with all digits.
import torch

torch.manual_seed(1)
a = torch.randn(3, 4)
m = torch.rand(4, 3) > 0.5
for x, mask in ((a.t(), m), (a, m.t()), (a.t(), m.t().t()), (a, torch.randn(4, 3).t() > 0)):
    r = x.masked_fill(mask, 0.5)
    print(r.stride(), r.is_contiguous(), r)
r = torch.randn(4, 3, 2).permute(2, 0, 1).masked_fill(torch.tensor(True), 2.0)
print(r.stride())
big = torch.randn(40, 30, dtype=torch.float64).t()
out = big.masked_fill(big > 1.0, 0.0)
print(out.stride(), repr(out.sum().item()), repr(out.sum(0)[:5].tolist()))
w = torch.where(m.t(), a, 0.0)
print(w.stride())
x = torch.randn(4, 3, requires_grad=True)
y = (x.t() * 2).masked_fill(m.t(), 0.0)
y.backward(torch.randn(3, 4))
print(x.grad.stride(), x.grad)
v = torch.tensor(1.5, requires_grad=True)
z = a.t().masked_fill(m, v)
(z * torch.randn(4, 3)).sum().backward()
print(repr(v.grad.item()))
