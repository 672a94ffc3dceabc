import torch
from torch.distributions import Poisson, Binomial, Bernoulli, kl_divergence

for dtype in [torch.float32, torch.float64]:
    torch.manual_seed(0)
    p = Poisson(torch.tensor([0.0, 0.5, 3.0, 9.99, 10.0, 45.0, 1000.0], dtype=dtype))
    s = p.sample((3,))
    print(p, s, p.log_prob(s), p.mean, p.mode, p.variance)
    b = Binomial(torch.tensor([0.0, 5.0, 10.0, 30.0, 100.0, 1000.0, 20.0], dtype=dtype), torch.tensor([0.3, 0.5, 0.05, 0.5, 0.9, 0.37, 1.0], dtype=dtype))
    s = b.sample((3,))
    print(b, s, b.log_prob(s), b.mean, b.mode, b.variance, b.entropy() if False else "")
    print(Binomial(10, logits=torch.tensor([-1.0, 0.5], dtype=dtype)).sample((4,)))

torch.manual_seed(1)
print(torch.poisson(torch.tensor([[1.0, 20.0], [0.1, 300.0]])), torch.binomial(torch.tensor([40.0, 7.0]), torch.tensor([0.5, 0.75])))
print(Poisson(2.0).sample((10,)), Binomial(torch.tensor(12.0), torch.tensor(0.25)).sample((10,)))
rate = torch.tensor([1.5, 30.0], requires_grad=True)
x = torch.poisson(rate)
print(x, x.grad_fn)
x.sum().backward()
print(rate.grad)
b = Binomial(torch.tensor([5.0, 10.0]), torch.tensor([0.2, 0.6]))
print(Binomial(5, torch.tensor([0.2, 0.6])).enumerate_support(), b.support, b.expand((3, 2)).batch_shape)
print(kl_divergence(Poisson(torch.tensor([1.0, 4.0])), Poisson(torch.tensor([2.0, 2.0]))))
print(kl_divergence(b, Binomial(torch.tensor([5.0, 10.0]), torch.tensor([0.5, 0.5]))), kl_divergence(Bernoulli(0.3), Poisson(1.5)))
print(kl_divergence(Poisson(torch.tensor([1.0])), Bernoulli(torch.tensor([0.5]))))


def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)


attempt(lambda: Poisson(-1.0))
attempt(lambda: Poisson(1.0).log_prob(torch.tensor(0.5)))
attempt(lambda: Binomial(10, torch.tensor([0.5, 1.5])))
attempt(lambda: Binomial(torch.tensor([-1.0]), torch.tensor([0.5])))
attempt(lambda: Binomial(5, torch.tensor([0.5])).log_prob(torch.tensor([6.0])))
attempt(lambda: kl_divergence(Binomial(3, torch.tensor([0.5])), Binomial(5, torch.tensor([0.5]))))
attempt(lambda: torch.poisson(torch.tensor([1.0, -1.0])))
attempt(lambda: torch.poisson(torch.tensor([1, 2])))
attempt(lambda: torch.binomial(torch.tensor([1]), torch.tensor([0.5])))
