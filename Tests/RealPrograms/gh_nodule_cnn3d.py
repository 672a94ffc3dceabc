# source: DominikHahn1407/NoduleMNIST3D_GenAI cnn_architecture.py@695959e9c6f741e0cfed18acd300c24bcd5b0187 (the CNN3D model verbatim; NoduleMNIST3D's 28x28x28 scans replaced by 12 seeded 12x12x12 volumes, a nodule-like bright blob in the positive ones; a training loop added in the usual shape: CrossEntropyLoss, Adam lr 1e-3, batch 4, 3 epochs, then eval accuracy under no_grad)
import torch
import torch.nn as nn
import torch.optim as optim


class CNN3D(nn.Module):
    def __init__(self, num_classes=2):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv3d(1, 16, kernel_size=3, padding=1),
            nn.BatchNorm3d(16),
            nn.ReLU(inplace=True),
            nn.MaxPool3d(2),

            nn.Conv3d(16, 32, kernel_size=3, padding=1),
            nn.BatchNorm3d(32),
            nn.ReLU(inplace=True),
            nn.MaxPool3d(2),

            nn.Conv3d(32, 64, kernel_size=3, padding=1),
            nn.BatchNorm3d(64),
            nn.ReLU(inplace=True),
            nn.AdaptiveAvgPool3d(1),
        )
        self.classifier = nn.Linear(64, num_classes)

    def forward(self, x):
        x = self.features(x)
        x = x.view(x.size(0), -1)
        x = self.classifier(x)
        return x


torch.manual_seed(0)
volumes = torch.rand(12, 1, 12, 12, 12)
labels = torch.tensor([0, 1] * 6)
grid = torch.arange(12, dtype=torch.float32) - 5.5
distance = grid.view(12, 1, 1) ** 2 + grid.view(1, 12, 1) ** 2 + grid.view(1, 1, 12) ** 2
blob = torch.exp(-distance / 8.0)
volumes[labels == 1] += blob
X_train, y_train = volumes[:8], labels[:8]
X_test, y_test = volumes[8:], labels[8:]

model = CNN3D(num_classes=2)
print(model)
print("Parameters:", sum(p.numel() for p in model.parameters()))

criterion = nn.CrossEntropyLoss()
optimizer = optim.Adam(model.parameters(), lr=0.001)

epochs = 3
batch_size = 4

for epoch in range(epochs):
    model.train()
    total_loss = 0

    for i in range(0, len(X_train), batch_size):
        batch_X = X_train[i:i + batch_size]
        batch_y = y_train[i:i + batch_size]

        outputs = model(batch_X)
        loss = criterion(outputs, batch_y)

        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

        total_loss += loss.item()

    avg_loss = total_loss / (len(X_train) // batch_size)
    print(f"Epoch [{epoch + 1}/{epochs}], Loss: {avg_loss:.4f}")

print(loss.grad_fn, model.features[0].weight.grad[0, 0, 1])
print(model.features[1].running_mean[:4], model.features[5].running_var[:4])

model.eval()
with torch.no_grad():
    outputs = model(X_test)
    _, predicted = torch.max(outputs, 1)

    accuracy = (predicted == y_test).sum().item() / len(y_test)
    print(outputs)
    print(f"Test Accuracy: {accuracy * 100:.2f}%")

print("Training Complete")
