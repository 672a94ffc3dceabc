# torch.optim, as PyTorch's torch/optim/__init__.py exports it.
from torch.optim.optimizer import Optimizer
from torch.optim.adagrad import Adagrad
from torch.optim.adam import Adam, AdamW
from torch.optim.rmsprop import RMSprop
from torch.optim.sgd import SGD
from torch.optim.adadelta import Adadelta
from torch.optim.adamax import Adamax
from torch.optim.nadam import NAdam
from torch.optim.radam import RAdam
from torch.optim.rprop import Rprop
from torch.optim.asgd import ASGD
from torch.optim.lbfgs import LBFGS
from torch.optim import lr_scheduler
from torch.optim import swa_utils
