import torch
# atan2 and pow with a tensor exponent run SLEEF in PyTorch's vector lanes and the C library on
# each row's tail; lgamma runs SLEEF on every element.
torch.manual_seed(0)
x = torch.randn(6, 13)
y = torch.randn(6, 13)
pos = x.abs() + 0.1
def show(name, t):
    print(name, [repr(v) for v in t.flatten().tolist()])
show('atan2', torch.atan2(x, y))
show('atan2_t', torch.atan2(x.t(), y.t()))
show('atan2_b', torch.atan2(x, y[0]))
show('pow', pos.pow(y))
show('pow_b', pos.pow(y[:, :1]))
show('lgamma', pos.lgamma())
show('lgamma_neg', (x * 3).lgamma())
xd, yd = x.double(), y.double()
show('atan2_d', torch.atan2(xd, yd))
show('pow_d', (xd.abs() + 0.1).pow(yd))
show('lgamma_d', (xd.abs() + 0.1).lgamma())
print(torch.atan2(torch.tensor([1, -2]), torch.tensor([3, 4])), torch.lgamma(torch.tensor([1, 5])))
a = pos.clone().requires_grad_()
b = y.clone().requires_grad_()
out = torch.atan2(a, b).sum() + a.pow(b).sum() + a.lgamma().sum()
out.backward()
show('grad_a', a.grad)
show('grad_b', b.grad)
