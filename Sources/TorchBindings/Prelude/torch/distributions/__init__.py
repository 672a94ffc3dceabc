# torch.distributions, as PyTorch's torch/distributions/__init__.py exports it (the
# distributions GradScope has).
from torch.distributions import constraints
from torch.distributions.bernoulli import Bernoulli
from torch.distributions.categorical import Categorical
from torch.distributions.distribution import Distribution
from torch.distributions.exp_family import ExponentialFamily
from torch.distributions.independent import Independent
from torch.distributions.kl import kl_divergence, register_kl
from torch.distributions.normal import Normal
from torch.distributions.uniform import Uniform
