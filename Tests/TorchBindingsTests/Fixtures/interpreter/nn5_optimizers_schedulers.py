import torch
import torch.nn as nn
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1))
x = torch.randn(8, 3); y = torch.randn(8, 1)
opts = [
    lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, dampening=0.1, nesterov=False, weight_decay=0.01),
    lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, nesterov=True, maximize=True),
    lambda p: torch.optim.Adam(p, lr=0.01, amsgrad=True, weight_decay=0.1),
    lambda p: torch.optim.AdamW(p, lr=0.01, amsgrad=True),
    lambda p: torch.optim.RMSprop(p, lr=0.01, momentum=0.5, centered=True),
    lambda p: torch.optim.Adagrad(p, lr=0.1, lr_decay=0.01),
]
import functools
for make in opts:
    torch.manual_seed(1)
    m = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1))
    o = make(m.parameters())
    for _ in range(3):
        o.zero_grad()
        l = ((m(x) - y) ** 2).mean()
        l.backward()
        o.step()
    print(type(o).__name__, l.item(), m[0].weight.grad is None)
    print(o.state_dict()['param_groups'])
o = torch.optim.SGD([{'params': model[0].parameters()}, {'params': model[2].parameters(), 'lr': 0.5}], lr=0.1)
print(o)
o.zero_grad(); print(model[0].weight.grad)
for S, kw in [(torch.optim.lr_scheduler.StepLR, dict(step_size=2, gamma=0.5)), (torch.optim.lr_scheduler.MultiStepLR, dict(milestones=[1, 3])), (torch.optim.lr_scheduler.ExponentialLR, dict(gamma=0.9)), (torch.optim.lr_scheduler.CosineAnnealingLR, dict(T_max=4)), (torch.optim.lr_scheduler.LambdaLR, dict(lr_lambda=lambda e: 1 / (e + 1)))]:
    o = torch.optim.SGD(model.parameters(), lr=1.0)
    s = S(o, **kw)
    lrs = []
    for _ in range(5):
        o.step(); s.step(); lrs.append(round(s.get_last_lr()[0], 6))
    print(S.__name__, lrs)
