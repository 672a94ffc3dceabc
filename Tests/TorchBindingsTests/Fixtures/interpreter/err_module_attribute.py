# A missing attribute of a module names the module, for torch's own and its Python submodules.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

for get in [lambda: torch.nn.NoSuchLayer, lambda: nn.init.no_such_init, lambda: torch.optim.NoSuchOptimizer,
            lambda: torch.no_such_function, lambda: F.no_such_op, lambda: math.no_such_constant,
            lambda: torch.optim.lr_scheduler.NoSuchScheduler]:
    try:
        get()
    except AttributeError as e:
        print(e)
nn.NoSuchLayer
