import torch
from torch.optim.lr_scheduler import StepLR, ReduceLROnPlateau, ExponentialLR

w = torch.nn.Parameter(torch.ones(2))
opt = torch.optim.SGD([w], lr=1.0)
sched = StepLR(opt, step_size=1, gamma=0.5)
sched.step()  # before any optimizer.step(): PyTorch warns
print(opt.param_groups[0]["lr"])
opt.step()
sched.step()
print(opt.param_groups[0]["lr"])

opt2 = torch.optim.SGD([w], lr=1.0)
s2 = ExponentialLR(opt2, gamma=0.9)
s3 = StepLR(opt2, step_size=2)  # a second scheduler wraps step only once
w.grad = torch.ones(2)
opt2.step()
s2.step()
s3.step()
print(opt2.param_groups[0]["lr"], w)
s2.step(5)  # the deprecated epoch argument
print(opt2.param_groups[0]["lr"])

opt3 = torch.optim.SGD([w], lr=1.0)
s4 = ExponentialLR(opt3, gamma=0.5)
opt3.step = lambda closure=None: None  # replaced after the scheduler wrapped it
s4.step()
p = ReduceLROnPlateau(torch.optim.SGD([w], lr=1.0), patience=0)
p.step(1.0)
p.step(2.0, epoch=3)
print(p.last_epoch, p.get_last_lr())
