import torch
import torch.nn.init as init

w = torch.empty(2, 4, requires_grad=True)
init.constant_(w, 0.5)
print(w)
init.zeros_(w)
print(w, w.is_leaf, w.grad_fn)
init.ones_(w)
print(w)
print(init._calculate_fan_in_and_fan_out(torch.empty(8, 3, 5, 5)))
print(init.calculate_gain("relu"), init.calculate_gain("leaky_relu", 0.2), init.calculate_gain("tanh"))
print(init.calculate_gain("conv2d"), init.calculate_gain("selu"), init.calculate_gain("leaky_relu"))
try:
    init._calculate_fan_in_and_fan_out(torch.empty(3))
except ValueError as e:
    print("ValueError:", e)
try:
    init.calculate_gain("swish")
except ValueError as e:
    print("ValueError:", e)
