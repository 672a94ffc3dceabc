# A small float32 CNN trained for a few SGD steps: every loss and a gradient printed with all
# their digits, which needs the convolutions' own summation order (6 and 16 output channels,
# 3 input channels, batch 4).
import torch
import torch.nn as nn

torch.manual_seed(3)
model = nn.Sequential(nn.Conv2d(3, 6, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(6, 16, 3, padding=1), nn.ReLU(),
                      nn.Flatten(), nn.Linear(16 * 6 * 6, 10))
opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
x = torch.rand(4, 3, 16, 16)
target = torch.tensor([1, 7, 3, 0])
for step in range(4):
    opt.zero_grad()
    loss = nn.functional.cross_entropy(model(x), target)
    loss.backward()
    opt.step()
    print(step, loss.item(), model[0].bias.grad.tolist()[:3], model[3].weight.grad[0, 0, 0].tolist())
print(model[0].weight[0, 0, 0].tolist())
