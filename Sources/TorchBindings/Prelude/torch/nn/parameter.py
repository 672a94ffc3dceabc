# torch.nn.Parameter: a Tensor flagged as a module parameter. GradScope's host module makes it
# (PyTorch's torch/nn/parameter.py subclasses Tensor, which a script class cannot do here):
# `Parameter(data=None, requires_grad=True)` returns the tensor marked as a Parameter, it prints
# as "Parameter containing:\ntensor(...)" and isinstance(x, Parameter) tells parameters apart.
from _gradscope import Parameter
