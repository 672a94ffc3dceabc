# probe: ../yunjey_convnet_batchnorm.py with each float32 convolution computed in float64 and rounded back to float32 (the rest unchanged); it prints PyTorch's digits exactly, so the program's own difference comes from the float32 convolution's summation order
import torch 
import torch.nn as nn

# Device configuration
device = torch.device('cpu')
torch.manual_seed(0)  # added

# Hyper parameters
num_epochs = 2
num_classes = 10
batch_size = 16
learning_rate = 0.001

# synthetic stand-in for the MNIST data loaders
train_loader = [(torch.rand(batch_size, 1, 28, 28), torch.randint(0, num_classes, (batch_size,))) for _ in range(4)]
test_loader = [(torch.rand(batch_size, 1, 28, 28), torch.randint(0, num_classes, (batch_size,))) for _ in range(1)]


class Conv64(nn.Conv2d):
    """The same layer with its product in float64 (exact in both engines), rounded back to float32."""
    def forward(self, x):
        return nn.functional.conv2d(x.double(), self.weight.double(), self.bias.double(), padding=self.padding).float()

# Convolutional neural network (two convolutional layers)
class ConvNet(nn.Module):
    def __init__(self, num_classes=10):
        super(ConvNet, self).__init__()
        self.layer1 = nn.Sequential(
            Conv64(1, 16, kernel_size=5, stride=1, padding=2),
            nn.BatchNorm2d(16),
            nn.ReLU(),
            nn.MaxPool2d(kernel_size=2, stride=2))
        self.layer2 = nn.Sequential(
            Conv64(16, 32, kernel_size=5, stride=1, padding=2),
            nn.BatchNorm2d(32),
            nn.ReLU(),
            nn.MaxPool2d(kernel_size=2, stride=2))
        self.fc = nn.Linear(7*7*32, num_classes)
        
    def forward(self, x):
        out = self.layer1(x)
        out = self.layer2(out)
        out = out.reshape(out.size(0), -1)
        out = self.fc(out)
        return out

model = ConvNet(num_classes).to(device)
print(model)  # added

# Loss and optimizer
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)

# Train the model
total_step = len(train_loader)
for epoch in range(num_epochs):
    for i, (images, labels) in enumerate(train_loader):
        images = images.to(device)
        labels = labels.to(device)
        
        # Forward pass
        outputs = model(images)
        loss = criterion(outputs, labels)
        
        # Backward and optimize
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        
        if (i+1) % 2 == 0:
            print ('Epoch [{}/{}], Step [{}/{}], Loss: {:.4f}' 
                   .format(epoch+1, num_epochs, i+1, total_step, loss.item()))

# Test the model
model.eval()  # eval mode (batchnorm uses moving mean/variance instead of mini-batch mean/variance)
with torch.no_grad():
    correct = 0
    total = 0
    for images, labels in test_loader:
        images = images.to(device)
        labels = labels.to(device)
        outputs = model(images)
        _, predicted = torch.max(outputs.data, 1)
        total += labels.size(0)
        correct += (predicted == labels).sum().item()

    print('Test Accuracy of the model on the 10000 test images: {} %'.format(100 * correct / total))
print(model.layer1[1].running_mean[:4], model.layer1[1].num_batches_tracked)  # added
