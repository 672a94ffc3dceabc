# PairwiseDistance, after PyTorch's torch/nn/modules/distance.py.
import torch.nn.functional as F
from torch.nn.modules.module import Module


class PairwiseDistance(Module):
    r"""Computes the pairwise distance between input vectors, or between columns of input matrices."""

    __constants__ = ["norm", "eps", "keepdim"]

    def __init__(self, p=2.0, eps=1e-6, keepdim=False):
        super().__init__()
        self.norm = p
        self.eps = eps
        self.keepdim = keepdim

    def forward(self, x1, x2):
        return F.pairwise_distance(x1, x2, self.norm, self.eps, self.keepdim)
