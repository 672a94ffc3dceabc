# torch.distributions.ExponentialFamily, after PyTorch's torch/distributions/exp_family.py.
import torch
from torch.distributions.distribution import Distribution


class ExponentialFamily(Distribution):
    r"""
    ExponentialFamily is the abstract base class for probability distributions belonging to an
    exponential family. Its entropy is computed from the log normalizer by autograd (Bregman
    divergence).
    """

    @property
    def _natural_params(self):
        """Abstract method for natural parameters."""
        raise NotImplementedError

    def _log_normalizer(self, *natural_params):
        """Abstract method for log normalizer function."""
        raise NotImplementedError

    @property
    def _mean_carrier_measure(self):
        """Abstract method for expected carrier measure, which is required for computing entropy."""
        raise NotImplementedError

    def entropy(self):
        """
        Method to compute the entropy using Bregman divergence of the log normalizer.
        """
        result = -self._mean_carrier_measure
        nparams = [p.detach().requires_grad_() for p in self._natural_params]
        lg_normal = self._log_normalizer(*nparams)
        gradients = torch.autograd.grad(lg_normal.sum(), nparams, create_graph=True)
        result += lg_normal
        for np, g in zip(nparams, gradients):
            result -= (np * g).reshape(self._batch_shape + (-1,)).sum(-1)
        return result
