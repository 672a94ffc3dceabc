import torch
import torch.nn as nn
import torch.nn.functional as F
from collections import OrderedDict
torch.manual_seed(0)
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 3)
        self.register_buffer('running', torch.zeros(3))
        self.blocks = nn.ModuleList([nn.Linear(3, 3), nn.ReLU()])
        self.heads = nn.ModuleDict({'a': nn.Linear(3, 2), 'b': nn.Identity()})
        self.ps = nn.ParameterList([nn.Parameter(torch.ones(2)), nn.Parameter(torch.zeros(1))])
        self.seq = nn.Sequential(OrderedDict([('l', nn.Linear(2, 2)), ('act', nn.Tanh())]))
    def forward(self, x):
        x = self.fc1(x)
        for b in self.blocks:
            x = b(x)
        return self.seq(self.heads['a'](x))
net = Net()
print(net)
print([n for n, _ in net.named_parameters()])
print([n for n, _ in net.named_buffers()], [n for n, _ in net.named_modules()])
print(len(list(net.children())), len(list(net.modules())))
sd = net.state_dict()
print(list(sd.keys()))
net2 = Net(); print(net2.load_state_dict(sd))
print(net.seq[0], net.seq[-1], len(net.seq), net.seq[:1])
calls = []
h1 = net.fc1.register_forward_pre_hook(lambda m, i: calls.append('pre'))
h2 = net.fc1.register_forward_hook(lambda m, i, o: calls.append(('fwd', o.shape)))
h3 = net.fc1.register_full_backward_hook(lambda m, gi, go: calls.append(('bwd', [g.shape for g in go])))
out = net(torch.randn(5, 4))
out.sum().backward()
print(calls)
h1.remove(); h2.remove(); h3.remove()
net.zero_grad(); print(net.fc1.weight.grad)
net.eval(); print(net.training, net.fc1.training); net.train()
net.requires_grad_(False); print(net.fc1.weight.requires_grad); net.requires_grad_(True)
def init(m):
    if isinstance(m, nn.Linear): nn.init.constant_(m.bias, 0.5)
net.apply(init); print(net.fc1.bias)
p = nn.Parameter(torch.ones(2)); print(p)
print(repr(nn.Parameter(torch.ones(2), requires_grad=False)))
print(net.seq.l.weight.shape, net.get_submodule('seq.l'), net.get_parameter('fc1.bias').shape)
print(sum(p.numel() for p in net.parameters() if p.requires_grad))
del net.heads['b']; print(net.heads)
print(nn.Sequential(nn.Linear(1, 1)).append(nn.ReLU()))
