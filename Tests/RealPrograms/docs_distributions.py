# source: pytorch/pytorch torch/distributions/__init__.py, normal.py, categorical.py, bernoulli.py, uniform.py, independent.py and kl.py (the package docstring's score-function and pathwise-derivative snippets made runnable with a small seeded policy network and a differentiable toy reward; each class docstring's >>> example seeded and printed)
import torch
import torch.nn as nn
from torch.distributions import Bernoulli, Categorical, Independent, Normal, Uniform, kl_divergence

torch.manual_seed(0)

# Score function (REINFORCE) with a categorical policy
policy_network = nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 4), nn.Softmax(dim=-1))
state = torch.randn(5, 3)


def env_step(action):
    next_state = torch.randn(5, 3)
    reward = (action == 2).float() - 0.1 * action.float()
    return next_state, reward


probs = policy_network(state)
# Note that this is equivalent to what used to be called multinomial
m = Categorical(probs)
action = m.sample()
next_state, reward = env_step(action)
loss = -m.log_prob(action) * reward
print(m)
print(action, reward)
print(loss)
loss.sum().backward()
print(policy_network[2].bias.grad)

# Pathwise derivative with a Normal policy
mean_net = nn.Linear(3, 2)
log_std = nn.Parameter(torch.zeros(2))


def policy_params(state):
    return mean_net(state), log_std.exp()


params = policy_params(state)
m = Normal(*params)
# Any distribution with .has_rsample == True could work based on the application
action = m.rsample()
reward = -(action - torch.tensor([1.0, -1.0])).pow(2).sum(-1)  # differentiable
loss = -reward.mean()
loss.backward()
print(m.has_rsample, action.grad_fn)
print(loss, mean_net.bias.grad, log_std.grad)

# Class docstring examples (seeded)
torch.manual_seed(1)
m = Normal(torch.tensor([0.0]), torch.tensor([1.0]))
print(m.sample())  # normally distributed with loc=0 and scale=1
m = Categorical(torch.tensor([0.25, 0.25, 0.25, 0.25]))
print(m.sample())  # equal probability of 0, 1, 2, 3
m = Bernoulli(torch.tensor([0.3]))
print(m.sample())  # 30% chance 1; 70% chance 0
m = Uniform(torch.tensor([0.0]), torch.tensor([5.0]))
print(m.sample())  # uniformly distributed in the range [0.0, 5.0)
loc = torch.zeros(3)
scale = torch.ones(3)
normal = Normal(loc, scale)
print([normal.batch_shape, normal.event_shape])
diagn = Independent(normal, 1)
print([diagn.batch_shape, diagn.event_shape])
print(kl_divergence(Normal(torch.tensor([0.5, 1.0]), torch.tensor([1.0, 2.0])), Normal(0.0, 1.0)))
print(kl_divergence(Categorical(logits=torch.tensor([0.0, 1.0, 2.0])), Categorical(torch.ones(3))))
