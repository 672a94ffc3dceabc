import torch
import torch.nn.functional as F
from torch.distributions import (
    OneHotCategorical, OneHotCategoricalStraightThrough, RelaxedOneHotCategorical, RelaxedBernoulli, Categorical,
    kl_divergence,
)

torch.manual_seed(0)
probs = torch.tensor([[0.1, 0.2, 0.7], [0.5, 0.25, 0.25]])
d = OneHotCategorical(probs)
print(d, d.batch_shape, d.event_shape, d.param_shape)
s = d.sample((4,))
print(s, d.log_prob(s), d.entropy(), d.mean, d.mode, d.variance)
print(d.enumerate_support(), d.enumerate_support(expand=False).shape)
l = OneHotCategorical(logits=torch.tensor([1.0, -1.0, 0.5, 0.0]))
print(l, l.probs, l.sample((3,)), l.logits)
print(kl_divergence(d, OneHotCategorical(torch.tensor([0.3, 0.3, 0.4]))))
print(d.expand((2, 2)).batch_shape)

logits = torch.tensor([0.5, -0.2, 1.0], requires_grad=True)
st = OneHotCategoricalStraightThrough(logits=logits)
r = st.rsample((2,))
print(r)
(r * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
print(logits.grad)

torch.manual_seed(1)
logits = torch.tensor([[0.5, -0.2, 1.0], [0.0, 0.0, 0.0]], requires_grad=True)
g = RelaxedOneHotCategorical(torch.tensor(0.5), logits=logits)
print(g, g.batch_shape, g.event_shape, g.temperature)
y = g.rsample()
print(y, g.log_prob(y))
(y[:, 0].sum() + g.log_prob(y).sum()).backward()
print(logits.grad)
print(g.sample((2,)))

torch.manual_seed(2)
p = torch.tensor([0.1, 0.5, 0.9], requires_grad=True)
rb = RelaxedBernoulli(torch.tensor(0.3), probs=p)
print(rb, rb.temperature, rb.logits)
y = rb.rsample((2,))
print(y, rb.log_prob(y))
(y.sum() + rb.log_prob(y).sum()).backward()
print(p.grad)
print(RelaxedBernoulli(1.0, logits=torch.tensor([0.0, 2.0])).sample())

torch.manual_seed(3)
# gumbel-softmax against F.gumbel_softmax-style sampling from the same stream
print(F.one_hot(Categorical(logits=torch.tensor([0.0, 1.0, 2.0])).sample((5,)), 3))
