import torch
from torch.distributions import Normal

for seed in [0, 1, 7]:
    torch.manual_seed(seed)
    m = Normal(torch.tensor([0.0, 1.0, -2.0]), torch.tensor([1.0, 0.5, 2.0]))
    print(m)
    print(m.batch_shape, m.event_shape)
    print(m.sample())
    print(m.sample((2,)))
    print(m.sample(torch.Size([7])))
    print(m.rsample((6,)))

torch.manual_seed(3)
m = Normal(0.0, 1.0)
print(m, m.batch_shape)
print(m.sample(), m.sample((20,)))
print(m.rsample((4, 5)))

torch.manual_seed(4)
m = Normal(torch.zeros(2, 3, dtype=torch.float64), torch.ones(2, 3, dtype=torch.float64) * 3)
print(m.sample())
print(m.rsample((3,)))
print(m.sample((5,)).shape)
print(m.mean, m.stddev, m.variance)

torch.manual_seed(5)
m = Normal(torch.tensor(1.5), 2)
print(m, m.loc.dtype, m.scale)
e = m.expand((4, 5))
print(e, e.batch_shape, e.loc.shape)
print(e.sample())
print(e.rsample((2,)).shape)
print(Normal(torch.randn(20), torch.rand(20) + 0.1))
print(Normal(torch.randn(20), torch.rand(20) + 0.1).sample())
