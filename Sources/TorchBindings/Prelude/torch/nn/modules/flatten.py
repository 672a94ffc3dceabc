# Flatten, after PyTorch's torch/nn/modules/flatten.py.
from torch.nn.modules.module import Module


class Flatten(Module):
    r"""Flattens a contiguous range of dims into a tensor."""

    def __init__(self, start_dim=1, end_dim=-1):
        super().__init__()
        self.start_dim = start_dim
        self.end_dim = end_dim

    def forward(self, input):
        return input.flatten(self.start_dim, self.end_dim)

    def extra_repr(self):
        return f"start_dim={self.start_dim}, end_dim={self.end_dim}"
