# source: pytorch/examples siamese_network/main.py@77f55b912142e11fcfdf5b530231fb9c52f181e8 (torchvision's resnet18 trunk replaced by a small CNN with the same role; APP_MATCHER/MNIST replaced by 16 seeded random pairs of 12x12 images with random labels; argparse, device selection and saving removed; Adadelta, StepLR and BCELoss as in the example)
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.optim.lr_scheduler import StepLR

torch.manual_seed(1)


class SiameseNetwork(nn.Module):
    def __init__(self):
        super(SiameseNetwork, self).__init__()
        self.cnn = nn.Sequential(
            nn.Conv2d(1, 8, 3), nn.ReLU(inplace=True), nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 3), nn.BatchNorm2d(16), nn.ReLU(inplace=True),
            nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten())
        self.fc_in_features = 16
        self.fc = nn.Sequential(
            nn.Linear(self.fc_in_features * 2, 256),
            nn.ReLU(inplace=True),
            nn.Linear(256, 1),
        )
        self.sigmoid = nn.Sigmoid()
        self.cnn.apply(self.init_weights)
        self.fc.apply(self.init_weights)

    def init_weights(self, m):
        if isinstance(m, nn.Linear):
            torch.nn.init.xavier_uniform_(m.weight)
            m.bias.data.fill_(0.01)

    def forward_once(self, x):
        output = self.cnn(x)
        output = output.view(output.size()[0], -1)
        return output

    def forward(self, input1, input2):
        output1 = self.forward_once(input1)
        output2 = self.forward_once(input2)
        output = torch.cat((output1, output2), 1)
        output = self.fc(output)
        output = self.sigmoid(output)
        return output


images = torch.randn(32, 1, 12, 12)
labels = (torch.rand(16) > 0.5).float()
model = SiameseNetwork()
optimizer = optim.Adadelta(model.parameters(), lr=1.0)
scheduler = StepLR(optimizer, step_size=1, gamma=0.7)
criterion = nn.BCELoss()
for epoch in range(1, 4):
    model.train()
    for batch_idx in range(2):
        images_1 = images[batch_idx * 8:(batch_idx + 1) * 8]
        images_2 = images[16 + batch_idx * 8:16 + (batch_idx + 1) * 8]
        targets = labels[batch_idx * 8:(batch_idx + 1) * 8]
        optimizer.zero_grad()
        outputs = model(images_1, images_2).squeeze()
        loss = criterion(outputs, targets)
        loss.backward()
        optimizer.step()
        print('Train Epoch: {} [{}/{}]\tLoss: {:.6f}'.format(epoch, batch_idx * 8, 16, loss.item()))
    model.eval()
    with torch.no_grad():
        outputs = model(images[:16], images[16:]).squeeze()
        test_loss = criterion(outputs, labels).sum().item()
        pred = torch.where(outputs > 0.5, 1, 0)
        correct = pred.eq(labels.view_as(pred)).sum().item()
    print('Test set: Average loss: {:.4f}, Accuracy: {}/{}'.format(test_loss, correct, 16))
    scheduler.step()
print(scheduler.get_last_lr(), model.cnn[4].running_mean)
