# torch.cuda.amp, PyTorch's deprecated spelling of torch.amp's CUDA autocast and GradScaler
# (torch/cuda/amp/__init__.py); CUDA is never available here, so both disable themselves.
from torch.cuda.amp.autocast_mode import autocast
from torch.cuda.amp.grad_scaler import GradScaler
