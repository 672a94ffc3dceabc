# source: https://leyaa.ai/codefly/learn/pytorch/part-2/pytorch-label-smoothing ("Sample Model"; torch.manual_seed(0) added before nn.Linear)
import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(0)

# Simple dataset: 3 samples, 3 classes
inputs = torch.tensor([[1.0, 2.0, 3.0],
                       [1.0, 0.0, 0.0],
                       [0.0, 1.0, 0.0]])
labels = torch.tensor([2, 0, 1])  # correct classes

# Simple linear model
model = nn.Linear(3, 3)

# Loss with label smoothing
criterion = nn.CrossEntropyLoss(label_smoothing=0.1)
optimizer = optim.SGD(model.parameters(), lr=0.1)

# Training loop for 5 epochs
for epoch in range(5):
    optimizer.zero_grad()
    outputs = model(inputs)
    loss = criterion(outputs, labels)
    loss.backward()
    optimizer.step()
    print(f"Epoch {epoch+1}, Loss: {loss.item():.4f}")

# Predictions after training
with torch.no_grad():
    outputs = model(inputs)
    predicted = torch.argmax(outputs, dim=1)
    print("Predicted classes:", predicted.tolist())
