# torch.amp, as PyTorch's torch/amp/__init__.py exports it. GradScope has no 16-bit floating
# point tensors: autocast regions run in the script's own dtypes (see autocast_mode.py).
from torch.amp.autocast_mode import autocast, is_autocast_available
from torch.amp.grad_scaler import GradScaler
