# PairwiseDistance and CosineSimilarity, after PyTorch's torch/nn/modules/distance.py.
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


class CosineSimilarity(Module):
    r"""Returns the cosine similarity between x1 and x2, computed along dim."""

    __constants__ = ["dim", "eps"]

    def __init__(self, dim=1, eps=1e-8):
        super().__init__()
        self.dim = dim
        self.eps = eps

    def forward(self, x1, x2):
        return F.cosine_similarity(x1, x2, self.dim, self.eps)
