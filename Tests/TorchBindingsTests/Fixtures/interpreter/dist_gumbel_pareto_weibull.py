import torch
from torch.distributions import Gumbel, HalfCauchy, Pareto, Weibull

for dtype in [torch.float32, torch.float64]:
    torch.manual_seed(0)
    for d in [
        Gumbel(torch.tensor([0.0, 1.0], dtype=dtype), torch.tensor([1.0, 2.0], dtype=dtype)),
        HalfCauchy(torch.tensor([1.0, 0.5], dtype=dtype)),
        Pareto(torch.tensor([1.0, 2.0], dtype=dtype), torch.tensor([3.0, 1.5], dtype=dtype)),
        Weibull(torch.tensor([1.0, 2.0], dtype=dtype), torch.tensor([0.5, 3.0], dtype=dtype)),
    ]:
        s = d.sample((3,))
        print(d, d.batch_shape, s, d.log_prob(s), d.mean, d.variance, d.entropy(), d.support)

torch.manual_seed(1)
scale = torch.tensor([1.0, 2.0], requires_grad=True)
z = Gumbel(0.0, scale).rsample((2,)).sum() + Weibull(scale, 2.0).rsample().sum() + Pareto(scale, 3.0).rsample().sum()
z.backward()
print(z, scale.grad)
print(HalfCauchy(1.0).cdf(torch.tensor(1.0)), HalfCauchy(1.0).icdf(torch.tensor(0.5)), Gumbel(0.0, 1.0).mode, Pareto(1.0, 2.0).mode)
