# source: pytorch/pytorch torch/optim/lr_scheduler.py (docstring examples of LambdaLR, MultiplicativeLR, StepLR, MultiStepLR, ConstantLR, LinearLR, ExponentialLR, SequentialLR, CosineAnnealingLR, ReduceLROnPlateau, OneCycleLR; `train(...)`/`validate(...)` replaced by one optimizer.step() on a tiny seeded model and a fixed validation-loss sequence; epochs shortened; the learning rate printed)
import torch
from torch import nn
from torch.optim.lr_scheduler import (LambdaLR, MultiplicativeLR, StepLR, MultiStepLR, ConstantLR,
                                      LinearLR, ExponentialLR, SequentialLR, CosineAnnealingLR,
                                      ReduceLROnPlateau, OneCycleLR)

torch.manual_seed(0)  # added
model = nn.Linear(2, 1)
x, y = torch.randn(8, 2), torch.randn(8, 1)

def train(model, optimizer):
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    optimizer.step()
    return loss.item()

def fresh(lr=0.05):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)

# Assuming optimizer has two groups.
optimizer = torch.optim.SGD([{'params': model.weight}, {'params': model.bias}], lr=0.05)
lambda1 = lambda epoch: epoch // 30
lambda2 = lambda epoch: 0.95 ** epoch
scheduler = LambdaLR(optimizer, lr_lambda=[lambda1, lambda2])
for epoch in range(100):
    train(model, optimizer)
    scheduler.step()
    if epoch % 20 == 0:
        print('LambdaLR', epoch, scheduler.get_last_lr())

optimizer = fresh()
lmbda = lambda epoch: 0.95
scheduler = MultiplicativeLR(optimizer, lr_lambda=lmbda)
for epoch in range(5):
    train(model, optimizer)
    scheduler.step()
    print('MultiplicativeLR', epoch, scheduler.get_last_lr())

# Assuming optimizer uses lr = 0.05 for all groups
optimizer = fresh()
scheduler = StepLR(optimizer, step_size=30, gamma=0.1)
for epoch in range(100):
    train(model, optimizer)
    scheduler.step()
    if epoch % 15 == 14:
        print('StepLR', epoch, scheduler.get_last_lr())

optimizer = fresh()
scheduler = MultiStepLR(optimizer, milestones=[30,80], gamma=0.1)
for epoch in range(100):
    train(model, optimizer)
    scheduler.step()
    if epoch in (28, 29, 30, 79, 80):
        print('MultiStepLR', epoch, scheduler.get_last_lr())

optimizer = fresh()
scheduler = ConstantLR(optimizer, factor=0.5, total_iters=4)
for epoch in range(6):
    print('ConstantLR', epoch, scheduler.get_last_lr())
    train(model, optimizer)
    scheduler.step()

optimizer = fresh()
scheduler = LinearLR(optimizer, start_factor=0.5, total_iters=4)
for epoch in range(6):
    print('LinearLR', epoch, scheduler.get_last_lr())
    train(model, optimizer)
    scheduler.step()

optimizer = fresh(lr=1.)
scheduler1 = ConstantLR(optimizer, factor=0.1, total_iters=2)
scheduler2 = ExponentialLR(optimizer, gamma=0.9)
scheduler = SequentialLR(optimizer, schedulers=[scheduler1, scheduler2], milestones=[2])
for epoch in range(6):
    print('SequentialLR', epoch, scheduler.get_last_lr())
    train(model, optimizer)
    scheduler.step()

optimizer = fresh()
scheduler = CosineAnnealingLR(optimizer, T_max=10)
for epoch in range(12):
    train(model, optimizer)
    scheduler.step()
    print('CosineAnnealingLR', epoch, scheduler.get_last_lr())

optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
scheduler = ReduceLROnPlateau(optimizer, 'min')
val_losses = [1.0, 0.9, 0.8] + [0.85] * 15
for epoch, val_loss in enumerate(val_losses):
    train(model, optimizer)
    # Note that step should be called after validate()
    scheduler.step(val_loss)
    print('ReduceLROnPlateau', epoch, optimizer.param_groups[0]['lr'])

data_loader = range(10)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
scheduler = OneCycleLR(optimizer, max_lr=0.01, steps_per_epoch=len(data_loader), epochs=3)
for epoch in range(3):
    for batch in data_loader:
        train(model, optimizer)
        scheduler.step()
    print('OneCycleLR', epoch, scheduler.get_last_lr(), optimizer.param_groups[0]['momentum'])
print(model.weight, model.bias)
