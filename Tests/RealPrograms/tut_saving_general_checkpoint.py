# source: pytorch/tutorials recipes_source/recipes/saving_and_loading_a_general_checkpoint.py@0a7e68666de5faceafa90276ad2b7874cd32c5e0 (missing `import torch.nn.functional as F` added; torch.save/torch.load to model.pt replaced by an in-memory dict of cloned state; seeded; one training step added before saving so the optimizer state is non-empty; loaded values printed)
import torch
import torch.nn as nn
import torch.nn.functional as F
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

# added: one training step so that the momentum buffers exist
inputs, labels = torch.randn(4, 3, 32, 32), torch.tensor([1, 0, 3, 9])
loss = nn.CrossEntropyLoss()(net(inputs), labels)
loss.backward()
optimizer.step()

# Additional information
EPOCH = 5
PATH = "model.pt"
LOSS = 0.4

def clone_state(obj):  # stands in for torch.save + torch.load
    if isinstance(obj, torch.Tensor):
        return obj.clone()
    if isinstance(obj, dict):
        return {k: clone_state(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [clone_state(v) for v in obj]
    return obj

saved = clone_state({
            'epoch': EPOCH,
            'model_state_dict': net.state_dict(),
            'optimizer_state_dict': optimizer.state_dict(),
            'loss': LOSS,
            })

model = Net()
optimizer = optim.SGD(net.parameters(), lr=0.001, momentum=0.9)

checkpoint = saved
print(model.load_state_dict(checkpoint['model_state_dict']))
optimizer.load_state_dict(checkpoint['optimizer_state_dict'])
epoch = checkpoint['epoch']
loss = checkpoint['loss']
print(epoch, loss, list(checkpoint.keys()))
print(optimizer.state_dict()['param_groups'])
print(optimizer.state_dict()['state'][9]['momentum_buffer'])

model.eval()
# - or -
model.train()
print(model.training, torch.equal(model.fc3.bias, net.fc3.bias))
