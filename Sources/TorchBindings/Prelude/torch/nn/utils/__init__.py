# torch.nn.utils: gradient clipping.
from torch.nn.utils import clip_grad
from torch.nn.utils.clip_grad import clip_grad_norm_, clip_grad_value_
