# source: https://discuss.pytorch.org/t/multiple-call-to-backward-still-works-when-retain-graph-false-why/9475 (question code, torch.randn seeded; then the answer's variant "change y = x + 2 to y = x * x", which ends with the second-backward RuntimeError)
import torch
from torch.autograd import Variable

torch.manual_seed(0)  # added

x = Variable(torch.ones(2, 2), requires_grad=True)
y = x + 2
y.backward(torch.ones(2, 2), retain_graph=True)
print(x.grad)
z = y * y
print(z)
gradient = torch.randn(2, 2)
y.backward(gradient)
print(x.grad)

# the answer: with y = x * x the second call needs the freed saved tensors
x = Variable(torch.ones(2, 2), requires_grad=True)
y = x * x
y.backward(torch.ones(2, 2))
print(x.grad)
gradient = torch.randn(2, 2)
y.backward(gradient)
print(x.grad)
