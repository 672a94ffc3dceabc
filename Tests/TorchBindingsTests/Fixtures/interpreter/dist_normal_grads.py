import torch
from torch.distributions import Normal, kl_divergence

torch.manual_seed(0)
mu = torch.randn(4, requires_grad=True)
log_sigma = torch.randn(4, requires_grad=True)
sigma = log_sigma.exp()
d = Normal(mu, sigma)
print(d.loc is mu, d.scale.grad_fn)
z = d.rsample()
print(z)
lp = d.log_prob(z)
print(lp)
lp.sum().backward()
print(mu.grad, log_sigma.grad)

mu.grad = None
log_sigma.grad = None
d = Normal(mu, log_sigma.exp())
ent = d.entropy()
print(ent)
ent.sum().backward()
print(mu.grad, log_sigma.grad)

# VAE-style KL to a standard normal, float64
torch.manual_seed(1)
m = torch.randn(3, 2, dtype=torch.float64, requires_grad=True)
s = torch.rand(3, 2, dtype=torch.float64, requires_grad=True)
q = Normal(m, s + 0.5)
p = Normal(torch.zeros_like(m), torch.ones_like(s))
kl = kl_divergence(q, p)
print(kl)
kl.sum().backward()
print(m.grad)
print(s.grad)

# log_prob of a fixed value, with a scalar loc and tensor scale
x = torch.linspace(-2, 2, 5)
scale = torch.tensor([0.5, 1.0, 1.5, 2.0, 2.5], requires_grad=True)
n = Normal(0.5, scale)
lp = n.log_prob(x)
print(lp)
lp.mean().backward()
print(scale.grad)
print(n.cdf(x))
print(n.icdf(torch.tensor([0.1, 0.3, 0.5, 0.7, 0.9])))
print(n.perplexity())
w = torch.tensor([0.3, -0.2], requires_grad=True)
out = Normal(w, 1.0).rsample((3,))
print(out.grad_fn, out.grad_fn.next_functions)
