import torch
from torch.distributions import Normal, Categorical, Bernoulli, Uniform, Independent, kl_divergence


def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)


attempt(lambda: Normal(torch.tensor([0.0, 1.0]), torch.tensor([1.0, -1.0])))
attempt(lambda: Normal(0.0, 0.0))
attempt(lambda: Normal(torch.tensor([float("nan")]), torch.tensor([1.0])))
attempt(lambda: Normal(torch.tensor([0.0, 1.0]), torch.tensor([1.0, -1.0]), validate_args=False))
attempt(lambda: Normal(torch.zeros(2), torch.ones(3)))
attempt(lambda: Normal("a", 1.0))
attempt(lambda: Categorical(torch.tensor([0.5, -0.5, 1.0])))
attempt(lambda: Categorical())
attempt(lambda: Categorical(torch.tensor([0.5]), logits=torch.tensor([0.5])))
attempt(lambda: Categorical(torch.tensor(0.5)))
attempt(lambda: Categorical(logits=torch.tensor(0.5)))
attempt(lambda: Bernoulli(torch.tensor([0.5, 1.5])))
attempt(lambda: Bernoulli(1.5))
attempt(lambda: Uniform(torch.tensor([0.0, 2.0]), torch.tensor([1.0, 1.0])))
attempt(lambda: Normal(0.0, 1.0).log_prob(0.5))
attempt(lambda: Normal(torch.zeros(3), torch.ones(3)).log_prob(torch.zeros(2)))
attempt(lambda: Categorical(torch.ones(3)).log_prob(torch.tensor([3])))
attempt(lambda: Categorical(torch.ones(3)).log_prob(torch.tensor([1.5])))
attempt(lambda: Bernoulli(0.3).log_prob(torch.tensor(0.5)))
attempt(lambda: Uniform(0.0, 1.0).log_prob(torch.tensor([1.5])))
attempt(lambda: Uniform(0.0, 1.0, validate_args=False).log_prob(torch.tensor([1.5, 0.5])))
attempt(lambda: Independent(Normal(torch.zeros(3), torch.ones(3)), 2))
attempt(lambda: kl_divergence(Normal(0.0, 1.0), Categorical(torch.ones(2))))
attempt(lambda: kl_divergence(Normal(0.0, 1.0), Bernoulli(0.5)))
attempt(lambda: Categorical(torch.ones(2)).rsample())
attempt(lambda: Normal(0.0, 1.0).enumerate_support())
attempt(lambda: Normal(0.0, 1.0).mode)
attempt(lambda: Uniform(0.0, 1.0).mode)
print(Normal.arg_constraints, Categorical.arg_constraints, Bernoulli.support, Normal.support)
print(Categorical.support, Uniform.support, Normal.has_rsample, Categorical.has_rsample)
Normal(0.0, -1.0, validate_args=False)
torch.distributions.Distribution.set_default_validate_args(False)
print(Normal(0.0, -1.0).log_prob(torch.tensor(0.0)))
torch.distributions.Distribution.set_default_validate_args(True)
Normal(torch.tensor([[1.0, 2.0], [3.0, 4.0]]), torch.tensor([[1.0, 2.0], [0.0, 4.0]]))
