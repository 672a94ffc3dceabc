# Where NaN gradients come from. (1) log of a negative number is nan already in the forward
# pass, and y * y carries it into the gradient. (2) The distance between two equal points is
# sqrt(0) = 0, whose derivative 1 / (2 sqrt(0)) is infinite; times the zero difference it gives
# nan. `gradscope why` names the backward node that first produced each; run with
# `gradscope run --detect-anomaly` to stop at the first one as PyTorch's anomaly mode does.
import torch

x = torch.tensor([1., -1.], requires_grad=True)
y = torch.log(x)
loss = (y * y).sum()
loss.backward()
print(x.grad)

p = torch.tensor([3., 4.], requires_grad=True)
q = torch.tensor([3., 4.])
dist = torch.sqrt(((p - q) ** 2).sum())
dist.backward()
print(p.grad)
