import torch
from torch.distributions import (
    Normal, Uniform, TransformedDistribution, LogNormal, HalfNormal, Independent, kl_divergence,
)
from torch.distributions.transforms import (
    AffineTransform, ComposeTransform, ExpTransform, SigmoidTransform, TanhTransform, PowerTransform,
    SoftplusTransform, AbsTransform, SoftmaxTransform, StickBreakingTransform, IndependentTransform,
    ReshapeTransform, LowerCholeskyTransform,
)

x = torch.tensor([-2.0, -0.5, 0.0, 0.7, 3.0])
for t in [ExpTransform(), SigmoidTransform(), TanhTransform(), AffineTransform(1.0, -2.0), SoftplusTransform(),
          PowerTransform(torch.tensor(2.0))]:
    y = t(x.abs() if isinstance(t, PowerTransform) else x)
    print(t, y, t.sign if not isinstance(t, PowerTransform) else "")
    print(t.inv, t.inv(y))
    print(t.log_abs_det_jacobian(x.abs() if isinstance(t, PowerTransform) else x, y))
    print(t.domain, t.codomain, t.bijective, t.event_dim, t.inv.inv is t)

c = ComposeTransform([AffineTransform(0.5, 2.0), TanhTransform(), AffineTransform(torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0]), 3.0)])
print(c)
y = c(x)
print(y, c.inv(y), c.log_abs_det_jacobian(x, y), c.sign, c.bijective)
print(c.domain, c.codomain, c.forward_shape(torch.Size([5])))
print(c.inv)
print(AbsTransform()(x), SoftmaxTransform()(x), StickBreakingTransform()(x))
sb = StickBreakingTransform()
print(sb.inv(sb(x)), sb.log_abs_det_jacobian(x, sb(x)), sb.forward_shape(torch.Size([3, 5])))
it = IndependentTransform(ExpTransform(), 1)
print(it, it.domain, it.codomain, it.log_abs_det_jacobian(x, it(x)))
r = ReshapeTransform(torch.Size([6]), torch.Size([2, 3]))
print(r(torch.arange(12.0).reshape(2, 6)).shape, r.inv(torch.zeros(4, 2, 3)).shape)
print(LowerCholeskyTransform()(torch.tensor([[0.5, 1.0], [2.0, -1.0]])))
cached = ExpTransform(cache_size=1)
v = torch.tensor([0.1, 0.2])
w = cached(v)
print(cached.inv(w) is v, cached(v) is w, ExpTransform() == ExpTransform(), AffineTransform(0.0, 1.0) == AffineTransform(0.0, 1.0))

# squashed Gaussian policy (SAC): tanh of a Normal, log_prob with the Jacobian
torch.manual_seed(0)
mu = torch.randn(3, requires_grad=True)
log_std = torch.zeros(3, requires_grad=True)
pi = TransformedDistribution(Normal(mu, log_std.exp()), [TanhTransform(cache_size=1)])
a = pi.rsample()
lp = pi.log_prob(a)
print(pi.batch_shape, pi.event_shape, pi.support, pi.has_rsample)
print(a, lp)
(lp.sum() + a.pow(2).sum()).backward()
print(mu.grad, log_std.grad)
print(pi.sample((2,)))

# logistic distribution from a uniform
torch.manual_seed(1)
logistic = TransformedDistribution(Uniform(0.0, 1.0), [SigmoidTransform().inv, AffineTransform(loc=1.0, scale=2.0)])
s = logistic.sample((4,))
print(s, logistic.log_prob(s), logistic.cdf(s), logistic.icdf(torch.tensor([0.25, 0.75])))

torch.manual_seed(2)
ln = LogNormal(torch.tensor([0.0, 1.0]), torch.tensor([0.5, 1.5]))
print(ln, ln.loc, ln.scale, ln.batch_shape, ln.support)
s = ln.sample((3,))
print(s, ln.log_prob(s), ln.mean, ln.mode, ln.variance, ln.entropy())
print(ln.rsample(), ln.expand((3, 2)).batch_shape, ln.cdf(torch.tensor([1.0, 2.0])))
print(kl_divergence(ln, LogNormal(torch.tensor([0.5, 0.5]), torch.tensor([1.0, 1.0]))))

torch.manual_seed(3)
hn = HalfNormal(torch.tensor([1.0, 2.0]))
s = hn.sample((3,))
print(hn, hn.scale, s, hn.log_prob(s), hn.mean, hn.variance, hn.entropy(), hn.cdf(s), hn.icdf(torch.tensor([0.5, 0.9])))
print(hn.log_prob(torch.tensor([-1.0, 1.0])) if not hn._validate_args else HalfNormal(2.0, validate_args=False).log_prob(torch.tensor(-1.0)))
print(kl_divergence(hn, HalfNormal(torch.tensor([0.5, 0.5]))))

# a 2-d affine flow on an independent normal
torch.manual_seed(4)
base = Independent(Normal(torch.zeros(2), torch.ones(2)), 1)
flow = TransformedDistribution(base, [AffineTransform(torch.tensor([1.0, -1.0]), torch.tensor([2.0, 0.5]), event_dim=1), ExpTransform()])
print(flow.batch_shape, flow.event_shape)
s = flow.sample((3,))
print(s, flow.log_prob(s))
