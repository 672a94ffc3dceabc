# Rprop and ASGD on a small regression model, and the PolynomialLR, CyclicLR (all three modes,
# momentum and Adam's beta1 cycling) and ChainedScheduler learning-rate schedules.
import torch
import torch.nn as nn

torch.manual_seed(0)
x = torch.randn(16, 3)
y = x @ torch.tensor([[1.5], [-2.0], [0.5]]) + 0.3


def train(optimizer_class, steps=6, **kwargs):
    torch.manual_seed(1)
    model = nn.Linear(3, 1)
    optimizer = optimizer_class(model.parameters(), **kwargs)
    print(optimizer)
    for step in range(steps):
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(model(x), y)
        loss.backward()
        optimizer.step()
        print(step, loss.item())
    print(model.weight.data, model.bias.data)
    return optimizer


opt = train(torch.optim.Rprop)
state = opt.state[opt.param_groups[0]["params"][0]]
print(sorted(state.keys()), state["step"], state["step_size"])
train(torch.optim.Rprop, lr=0.05, etas=(0.3, 1.5), step_sizes=(1e-3, 0.2), maximize=False)
opt = train(torch.optim.ASGD, lr=0.05)
state = opt.state[opt.param_groups[0]["params"][0]]
print(sorted(state.keys()), state["eta"], state["mu"], state["ax"])
train(torch.optim.ASGD, lr=0.1, lambd=0.01, alpha=0.5, t0=2, weight_decay=0.1)

for bad in [dict(lr=-1.0), dict(etas=(1.5, 2.0))]:
    try:
        torch.optim.Rprop(nn.Linear(2, 1).parameters(), **bad)
    except ValueError as e:
        print(e)
for bad in [dict(lambd=-1.0), dict(alpha=-0.5), dict(weight_decay=-1)]:
    try:
        torch.optim.ASGD(nn.Linear(2, 1).parameters(), **bad)
    except ValueError as e:
        print(e)


def lrs(scheduler_factory, optimizer_class=torch.optim.SGD, steps=12, **kwargs):
    model = nn.Linear(2, 1)
    optimizer = optimizer_class(model.parameters(), **kwargs)
    scheduler = scheduler_factory(optimizer)
    rows = []
    for _ in range(steps):
        optimizer.step()
        scheduler.step()
        group = optimizer.param_groups[0]
        rows.append((round(scheduler.get_last_lr()[0], 8), group.get("momentum"), group.get("betas")))
    for row in rows:
        print(row)


sched = torch.optim.lr_scheduler
lrs(lambda o: sched.PolynomialLR(o, total_iters=8, power=2.0), lr=0.1)
lrs(lambda o: sched.PolynomialLR(o), lr=1.0, steps=7)
lrs(lambda o: sched.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=3), lr=0.1, momentum=0.9)
lrs(lambda o: sched.CyclicLR(o, 0.001, 0.01, step_size_up=2, step_size_down=3, mode="triangular2"), lr=0.1, momentum=0.9)
lrs(lambda o: sched.CyclicLR(o, 0.001, 0.01, step_size_up=2, mode="exp_range", gamma=0.9), optimizer_class=torch.optim.Adam)
lrs(lambda o: sched.CyclicLR(o, 0.001, 0.01, step_size_up=2, scale_fn=lambda x: 0.5 ** x, scale_mode="iterations", cycle_momentum=False), lr=0.1)
lrs(lambda o: sched.ChainedScheduler([sched.ConstantLR(o, factor=0.1, total_iters=2), sched.ExponentialLR(o, gamma=0.9)]), lr=1.0, steps=5)
try:
    sched.CyclicLR(torch.optim.SGD(nn.Linear(2, 1).parameters(), lr=0.1), 0.01, 0.1)
except ValueError as e:
    print(e)
try:
    sched.CyclicLR(torch.optim.SGD(nn.Linear(2, 1).parameters(), lr=0.1, momentum=0.9), 0.01, 0.1, mode="bogus")
except ValueError as e:
    print(e)
try:
    sched.ChainedScheduler([])
except ValueError as e:
    print(e)
