# source: pytorch/tutorials recipes_source/recipes/warmstarting_model_using_parameters_from_a_different_model.py@0a7e68666de5faceafa90276ad2b7874cd32c5e0 (missing `import torch.nn.functional as F` added; torch.save/torch.load of model.pt replaced by an in-memory state_dict; seeded; load results printed, plus a partial state_dict without fc3 to show strict=False reporting missing keys)
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(0)  # added


class NetA(nn.Module):
    def __init__(self):
        super(NetA, self).__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = x.flatten(start_dim=1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        return x

netA = NetA()

class NetB(nn.Module):
    def __init__(self):
        super(NetB, self).__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = x.flatten(start_dim=1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        return x

netB = NetB()

# Specify a path to save to  (in memory here instead of "model.pt")
saved = {k: v.clone() for k, v in netA.state_dict().items()}

print(netB.load_state_dict(saved, strict=False))
print(torch.equal(netA.fc1.weight, netB.fc1.weight))

# added: a partial state_dict (fc3 dropped) loaded into a fresh NetB
netC = NetB()
partial = {k: v for k, v in saved.items() if not k.startswith('fc3')}
print(netC.load_state_dict(partial, strict=False))
x = torch.randn(2, 3, 32, 32)
print(torch.allclose(netA.conv1(x), netC.conv1(x)), torch.equal(netA.fc3.bias, netC.fc3.bias))
