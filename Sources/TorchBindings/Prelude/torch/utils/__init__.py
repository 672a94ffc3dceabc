# torch.utils: the data-loading utilities (torch.utils.data) and activation checkpointing
# (torch.utils.checkpoint), which `import torch` makes reachable as attributes, as in PyTorch.
from torch.utils import checkpoint, data
