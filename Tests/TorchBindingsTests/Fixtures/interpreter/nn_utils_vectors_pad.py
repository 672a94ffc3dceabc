# nn.utils.parameters_to_vector / vector_to_parameters, nn.utils.rnn.pad_sequence
# (batch_first, padding_value, padding_side, trailing dims) and CosineAnnealingWarmRestarts.
import torch
import torch.nn as nn
from torch.nn.utils import parameters_to_vector, vector_to_parameters
from torch.nn.utils.rnn import pad_sequence

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 2), nn.Linear(2, 1))
vec = parameters_to_vector(model.parameters())
print(vec, vec.grad_fn.name(), vec.shape)
vec.pow(2).sum().backward()
print(model[0].weight.grad, model[1].bias.grad)
vector_to_parameters(torch.arange(11.0), model.parameters())
print(model[0].weight, model[0].bias, model[1].weight, model[1].bias)
print(model[0].weight.requires_grad, model[0].weight.is_leaf)
print(nn.utils.parameters_to_vector([torch.ones(2, 2), torch.zeros(3)]))
try:
    vector_to_parameters([1.0, 2.0], model.parameters())
except TypeError as err:
    print("TypeError:", err)

a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = torch.tensor([4.0, 5.0], requires_grad=True)
c = torch.tensor([6.0], requires_grad=True)
p = pad_sequence([a, b, c])
print(p, p.grad_fn.name())
print(pad_sequence([a, b, c], batch_first=True, padding_value=-1.0))
print(pad_sequence([a, b, c], batch_first=True, padding_side="left"))
(pad_sequence([a, b, c], batch_first=True) * torch.arange(9.0).view(3, 3)).sum().backward()
print(a.grad, b.grad, c.grad)
seqs = [torch.ones(2, 3), torch.full((4, 3), 2.0)]
print(nn.utils.rnn.pad_sequence(seqs), pad_sequence(seqs, True).shape)
print(pad_sequence([torch.tensor([1, 2]), torch.tensor([3])], padding_value=9))
for bad in [lambda: pad_sequence([a, b], padding_side="middle"), lambda: pad_sequence(5)]:
    try:
        bad()
    except RuntimeError as err:
        print("RuntimeError:", err)

# CosineAnnealingWarmRestarts: per-step, T_mult, eta_min, fractional epochs.
w = torch.zeros(1, requires_grad=True)
for kwargs in [{"T_0": 3}, {"T_0": 2, "T_mult": 2, "eta_min": 0.01}]:
    opt = torch.optim.SGD([w], lr=0.1)
    sched = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(opt, **kwargs)
    lrs = []
    for _ in range(10):
        opt.step()
        sched.step()
        lrs.append(sched.get_last_lr()[0])
    print(lrs, sched.T_cur, sched.T_i)
opt = torch.optim.SGD([w], lr=1.0)
sched = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(opt, T_0=4, T_mult=2)
for epoch in [0.5, 1.25, 4.0, 5.5, 13.0]:
    sched.step(epoch)
    print(epoch, opt.param_groups[0]["lr"], sched.T_cur, sched.T_i, sched.last_epoch)
for bad in [lambda: torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(opt, T_0=0),
            lambda: torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(opt, T_0=2, T_mult=1.5),
            lambda: sched.step(-1)]:
    try:
        bad()
    except ValueError as err:
        print("ValueError:", err)
