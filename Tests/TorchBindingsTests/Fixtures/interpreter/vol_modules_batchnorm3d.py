# The 3-D modules: printing, parameter shapes, BatchNorm3d in training (running statistics,
# gradients) and eval mode, and a Conv3d -> BatchNorm3d -> ReLU -> MaxPool3d stack's graph.
import torch
import torch.nn as nn

torch.manual_seed(17)
layers = [nn.Conv3d(2, 4, 3, padding=1), nn.Conv3d(2, 4, (1, 3, 3), stride=(1, 2, 2), bias=False),
          nn.ConvTranspose3d(4, 2, 2, stride=2), nn.MaxPool3d(2, stride=1, padding=1), nn.AvgPool3d((1, 2, 2)),
          nn.AdaptiveAvgPool3d(1), nn.AdaptiveMaxPool3d((2, 1, 2)), nn.BatchNorm3d(4, momentum=0.2)]
for layer in layers:
    print(layer, [p.shape for p in layer.parameters()])
bn = nn.BatchNorm3d(3)
x = torch.randn(2, 3, 3, 4, 5, requires_grad=True)
y = bn(x)
y.backward(torch.randn_like(y))
print(y.grad_fn.name(), y[1, 2, 0], x.grad[0, 1, 2])
print(bn.weight.grad, bn.bias.grad, bn.running_mean, bn.running_var, bn.num_batches_tracked)
bn.eval()
print(bn(x)[0, 0, 1])
net = nn.Sequential(nn.Conv3d(2, 4, 3, padding=1), nn.BatchNorm3d(4), nn.ReLU(), nn.MaxPool3d(2), nn.Flatten(), nn.Linear(32, 3))
out = net(torch.randn(2, 2, 4, 4, 4))
print(out, out.grad_fn.next_functions[0][0].name())
try:
    bn(torch.randn(3, 4, 5, 6))
except ValueError as e:
    print(e)
