import torch
import torch.nn as nn
from torch.optim.swa_utils import AveragedModel, SWALR, update_bn, get_ema_multi_avg_fn, get_swa_multi_avg_fn
from torch.optim.lr_scheduler import CosineAnnealingLR

# The docs' example: SWA after a warm-up, then BatchNorm statistics recomputed.
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 1))
loader = [(torch.randn(6, 4), torch.randn(6, 1)) for _ in range(3)]
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
swa_model = AveragedModel(model)
scheduler = CosineAnnealingLR(optimizer, T_max=10)
swa_start = 3
swa_scheduler = SWALR(optimizer, swa_lr=0.05, anneal_epochs=2)
loss_fn = nn.MSELoss()
for epoch in range(6):
    for input, target in loader:
        optimizer.zero_grad()
        loss_fn(model(input), target).backward()
        optimizer.step()
    if epoch > swa_start:
        swa_model.update_parameters(model)
        swa_scheduler.step()
    else:
        scheduler.step()
    print(epoch, optimizer.param_groups[0]["lr"], swa_model.n_averaged)
update_bn(loader, swa_model)
print(swa_model.module[1].running_mean, swa_model.module[1].running_var, swa_model.module[1].momentum)
print(swa_model.module[0].weight[0], model[0].weight[0])
print(swa_model(loader[0][0]).squeeze(1))
print(swa_model)

# EMA of the weights, and buffers averaged too.
torch.manual_seed(1)
net = nn.Linear(3, 2)
ema = AveragedModel(net, multi_avg_fn=get_ema_multi_avg_fn(0.9))
swa = AveragedModel(net, multi_avg_fn=get_swa_multi_avg_fn(), use_buffers=True)
custom = AveragedModel(net, avg_fn=lambda avg, cur, n: 0.5 * avg + 0.5 * cur)
for step in range(3):
    with torch.no_grad():
        net.weight.add_(torch.randn(2, 3))
    for averaged in (ema, swa, custom):
        averaged.update_parameters(net)
print(ema.module.weight, swa.module.weight, custom.module.weight, swa.n_averaged)
s = SWALR(torch.optim.SGD(net.parameters(), lr=1.0), swa_lr=[0.1], anneal_strategy="linear", anneal_epochs=3)
lrs = []
for _ in range(5):
    s.step()
    lrs.append(s.get_last_lr()[0])
print(lrs)
for bad in [lambda: SWALR(torch.optim.SGD(net.parameters(), lr=1.0), 0.1, anneal_strategy="exp"),
            lambda: SWALR(torch.optim.SGD(net.parameters(), lr=1.0), 0.1, anneal_epochs=-1),
            lambda: get_ema_multi_avg_fn(1.5),
            lambda: AveragedModel(net, avg_fn=lambda a, b, c: a, multi_avg_fn=get_swa_multi_avg_fn())]:
    try:
        bad()
    except (ValueError, AssertionError) as e:
        print(type(e).__name__ + ":", e)
