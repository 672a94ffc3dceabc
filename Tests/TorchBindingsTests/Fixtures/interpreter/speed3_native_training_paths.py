# Native paths of the prelude: Module.__call__ (with and without hooks), Optimizer.zero_grad and
# SGD.step with momentum (buffers gathered from and stored back into the optimizer state).
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 2)
        self.unused = nn.Linear(2, 2)  # its parameters never get a grad

    def forward(self, x, scale=1.0):
        return self.fc(x) * scale


net = Net()
with torch.no_grad():
    net.fc.weight.copy_(torch.tensor([[0.5, -0.25, 0.125], [0.25, 0.5, -0.5]]))
    net.fc.bias.copy_(torch.tensor([0.5, -0.25]))
x = torch.tensor([[1.0, 0.5, -1.0], [-0.5, 0.25, 1.0]])
print(net(x, scale=2.0))
print(net._call_impl(x))

for nesterov, dampening, weight_decay in [(False, 0.0, 0.0), (True, 0.0, 0.25), (False, 0.5, 0.0)]:
    params = list(net.parameters())
    opt = torch.optim.SGD(params, lr=0.125, momentum=0.5, dampening=dampening, weight_decay=weight_decay, nesterov=nesterov)
    for step in range(3):
        opt.zero_grad()
        loss = net(x).sum() * 2
        loss.backward()
        opt.step()
        print(step, loss.item())
    state = opt.state_dict()["state"]
    print(sorted(state.keys()), [sorted(v.keys()) for v in state.values()])
    print(state[0]["momentum_buffer"])
    print(net.unused.weight.grad, net.fc.weight.grad is None)

opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.5)
net(x).sum().backward()
opt.zero_grad(set_to_none=False)
print(net.fc.weight.grad, net.fc.bias.grad)
opt.step()
print(opt.state_dict()["state"][0]["momentum_buffer"])
opt.zero_grad()
print(net.fc.weight.grad)

calls = []
pre = net.register_forward_pre_hook(lambda module, args: calls.append(("pre", type(module).__name__, len(args))))
post = net.register_forward_hook(lambda module, args, out: out + 100)
print(net(x))
print(calls)
pre.remove()
post.remove()
print(net(x))


class Broken(nn.Module):
    def forward(self, x):
        raise ValueError("forward failed on purpose")


try:
    Broken()(x)
except ValueError as e:
    print("caught:", e)
print(net(x).shape)
Broken()(x)
