# source: yunjey/pytorch-tutorial tutorials/01-basics/logistic_regression/main.py@0500d3df5a2a8080ccfccbc00aca0eacc21818db (MNIST replaced by seeded synthetic batches: 8 train / 2 test batches of 100; 5 -> 3 epochs; print every 4 steps instead of 100; torch.save dropped)
import torch
import torch.nn as nn

torch.manual_seed(0)  # added

# Hyper-parameters 
input_size = 28 * 28    # 784
num_classes = 10
num_epochs = 3
batch_size = 100
learning_rate = 0.001

# synthetic stand-in for the MNIST data loaders (images and labels)
train_loader = [(torch.rand(batch_size, 1, 28, 28), torch.randint(0, num_classes, (batch_size,))) for _ in range(8)]
test_loader = [(torch.rand(batch_size, 1, 28, 28), torch.randint(0, num_classes, (batch_size,))) for _ in range(2)]

# Logistic regression model
model = nn.Linear(input_size, num_classes)

# Loss and optimizer
# nn.CrossEntropyLoss() computes softmax internally
criterion = nn.CrossEntropyLoss()  
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)  

# Train the model
total_step = len(train_loader)
for epoch in range(num_epochs):
    for i, (images, labels) in enumerate(train_loader):
        # Reshape images to (batch_size, input_size)
        images = images.reshape(-1, input_size)
        
        # Forward pass
        outputs = model(images)
        loss = criterion(outputs, labels)
        
        # Backward and optimize
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        
        if (i+1) % 4 == 0:
            print ('Epoch [{}/{}], Step [{}/{}], Loss: {:.4f}' 
                   .format(epoch+1, num_epochs, i+1, total_step, loss.item()))

# Test the model
# In test phase, we don't need to compute gradients (for memory efficiency)
with torch.no_grad():
    correct = 0
    total = 0
    for images, labels in test_loader:
        images = images.reshape(-1, input_size)
        outputs = model(images)
        _, predicted = torch.max(outputs.data, 1)
        total += labels.size(0)
        correct += (predicted == labels).sum()

    print('Accuracy of the model on the 10000 test images: {} %'.format(100 * correct / total))
