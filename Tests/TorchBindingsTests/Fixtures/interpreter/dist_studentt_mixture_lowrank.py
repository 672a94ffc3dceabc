import torch
from torch.distributions import (
    StudentT, MixtureSameFamily, LowRankMultivariateNormal, MultivariateNormal, Categorical, Normal, Independent,
    kl_divergence,
)

for dtype in [torch.float32, torch.float64]:
    torch.manual_seed(0)
    t = StudentT(torch.tensor([1.0, 3.0, 30.0], dtype=dtype), torch.tensor([0.0, 1.0, -1.0], dtype=dtype), torch.tensor([1.0, 2.0, 0.5], dtype=dtype))
    s = t.sample((3,))
    print(t, s, t.log_prob(s), t.entropy(), t.mean, t.variance, t.mode)

torch.manual_seed(1)
df = torch.tensor([2.5, 5.0], requires_grad=True)
loc = torch.tensor([0.3, -0.2], requires_grad=True)
y = StudentT(df, loc, 1.0).rsample((2,))
y.sum().backward()
print(y, df.grad, loc.grad)
print(StudentT(3.0).sample((4,)))

# Gaussian mixture model
torch.manual_seed(2)
logits = torch.tensor([0.2, -0.5, 1.0], requires_grad=True)
means = torch.tensor([[-2.0, 0.0], [0.0, 1.0], [3.0, -1.0]], requires_grad=True)
gmm = MixtureSameFamily(Categorical(logits=logits), Independent(Normal(means, torch.ones(3, 2)), 1))
print(gmm, gmm.batch_shape, gmm.event_shape)
x = gmm.sample((5,))
print(x)
lp = gmm.log_prob(x)
print(lp, gmm.mean, gmm.variance)
(-lp.mean()).backward()
print(logits.grad, means.grad)
g1 = MixtureSameFamily(Categorical(torch.tensor([[0.3, 0.7], [0.5, 0.5]])), Normal(torch.tensor([[0.0, 2.0], [1.0, -1.0]]), torch.tensor([[1.0, 0.5], [2.0, 1.0]])))
print(g1.sample((3,)), g1.log_prob(torch.tensor([0.5, 0.0])), g1.cdf(torch.tensor([0.5, 0.0])), g1.mean, g1.variance)
print(g1.expand((4, 2)).batch_shape)

torch.manual_seed(3)
W = torch.tensor([[1.0, 0.0], [0.5, 1.0], [0.0, -1.0]], requires_grad=True)
D = torch.tensor([0.5, 1.0, 2.0], requires_grad=True)
m = LowRankMultivariateNormal(torch.zeros(3), W, D)
print(m, m.batch_shape, m.event_shape)
s = m.rsample((2,))
lp = m.log_prob(s)
print(s, lp, m.entropy(), m.variance, m.covariance_matrix, m.scale_tril, m.precision_matrix)
(lp.sum() + m.entropy()).backward()
print(W.grad, D.grad)
q = LowRankMultivariateNormal(torch.ones(3), torch.ones(3, 1), torch.ones(3))
mvn = MultivariateNormal(torch.zeros(3), torch.eye(3) * 2)
print(kl_divergence(m, q), kl_divergence(mvn, q), kl_divergence(q, mvn))
print(m.expand((2,)).batch_shape, m.sample((2,)).shape)
