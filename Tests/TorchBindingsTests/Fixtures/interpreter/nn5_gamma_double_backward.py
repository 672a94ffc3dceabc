import torch

z = torch.tensor([0.5, 2.5, 4.0, 12.25], requires_grad=True)
l = torch.lgamma(z)
gz, = torch.autograd.grad(l.sum(), z, create_graph=True)
print(gz, gz.grad_fn.name())
g2, = torch.autograd.grad(gz.sum(), z, create_graph=True)
print(g2)
g3, = torch.autograd.grad(g2.sum(), z)
print(g3)
print(torch.digamma(z), z.digamma().grad_fn)
print(torch.polygamma(1, z), torch.polygamma(3, z))
print(torch.digamma(torch.tensor([-2.5, -1.0, 0.0, 1.0, 30.0], dtype=torch.float64)))
print(torch.polygamma(1, torch.tensor([-2.5, 0.25, 7.0], dtype=torch.float64)))
print(torch.polygamma(2, torch.tensor([0.1, 1.0, 100.0])))
w = torch.tensor([1.5, 3.0])
w.digamma_()
print(w)
print(torch.autograd.gradgradcheck(torch.lgamma, (torch.tensor([0.7, 1.9, 5.5], dtype=torch.float64, requires_grad=True),)))
try:
    torch.polygamma(-1, z)
except RuntimeError as e:
    print(e)
