# source: pytorch/tutorials recipes_source/recipes/saving_and_loading_models_for_inference.py@0a7e68666de5faceafa90276ad2b7874cd32c5e0 (missing `import torch.nn.functional as F` added; seeded; the result of load_state_dict printed; torch.save/torch.load kept: under PyTorch 2.15 loading the entire model fails, weights_only being the default, and so it does here)
import torch
import torch.nn as nn
import torch.nn.functional as F  # added
import torch.optim as optim

torch.manual_seed(0)  # added


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
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

net = Net()
print(net)

optimizer = optim.SGD(net.parameters(), lr=0.001, momentum=0.9)

# Specify a path
PATH = "state_dict_model.pt"

# Save
torch.save(net.state_dict(), PATH)

# Load
model = Net()
print(model.load_state_dict(torch.load(PATH)))  # printed
print(model.eval())  # printed

# Specify a path
PATH = "entire_model.pt"

# Save
torch.save(net, PATH)

# Load
model = torch.load(PATH)
model.eval()
