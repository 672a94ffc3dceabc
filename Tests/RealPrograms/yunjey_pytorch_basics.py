# source: yunjey/pytorch-tutorial tutorials/01-basics/pytorch_basics/main.py@0500d3df5a2a8080ccfccbc00aca0eacc21818db (sections 1-2 kept; seeded torch.manual_seed(0); numpy, torchvision datasets/pretrained ResNet and torch.save/load sections dropped)
import torch 
import torch.nn as nn

torch.manual_seed(0)  # added

# ================================================================== #
#                     1. Basic autograd example 1                    #
# ================================================================== #

# Create tensors.
x = torch.tensor(1., requires_grad=True)
w = torch.tensor(2., requires_grad=True)
b = torch.tensor(3., requires_grad=True)

# Build a computational graph.
y = w * x + b    # y = 2 * x + 3

# Compute gradients.
y.backward()

# Print out the gradients.
print(x.grad)    # x.grad = 2 
print(w.grad)    # w.grad = 1 
print(b.grad)    # b.grad = 1 


# ================================================================== #
#                    2. Basic autograd example 2                     #
# ================================================================== #

# Create tensors of shape (10, 3) and (10, 2).
x = torch.randn(10, 3)
y = torch.randn(10, 2)

# Build a fully connected layer.
linear = nn.Linear(3, 2)
print ('w: ', linear.weight)
print ('b: ', linear.bias)

# Build loss function and optimizer.
criterion = nn.MSELoss()
optimizer = torch.optim.SGD(linear.parameters(), lr=0.01)

# Forward pass.
pred = linear(x)

# Compute loss.
loss = criterion(pred, y)
print('loss: ', loss.item())

# Backward pass.
loss.backward()

# Print out the gradients.
print ('dL/dw: ', linear.weight.grad) 
print ('dL/db: ', linear.bias.grad)

# 1-step gradient descent.
optimizer.step()

# You can also perform gradient descent at the low level.
# linear.weight.data.sub_(0.01 * linear.weight.grad.data)
# linear.bias.data.sub_(0.01 * linear.bias.grad.data)

# Print out the loss after 1-step gradient descent.
pred = linear(x)
loss = criterion(pred, y)
print('loss after 1 step optimization: ', loss.item())


# ================================================================== #
#                        6. Pretrained model                         #
# ================================================================== #
# (torchvision ResNet-18 replaced by a small Sequential; the finetuning pattern kept)
class TinyResNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(12, 8), nn.ReLU())
        self.fc = nn.Linear(8, 10)
    def forward(self, x):
        return self.fc(self.body(x))
resnet = TinyResNet()

# If you want to finetune only the top layer of the model, set as below.
for param in resnet.parameters():
    param.requires_grad = False

# Replace the top layer for finetuning.
resnet.fc = nn.Linear(resnet.fc.in_features, 100)  # 100 is an example.

# Forward pass.
images = torch.randn(64, 12)
outputs = resnet(images)
print (outputs.size())     # (64, 100)
print([p.requires_grad for p in resnet.parameters()])

# ================================================================== #
#                      7. Save and load the model                    #
# ================================================================== #
# (in memory instead of model.ckpt / params.ckpt)
state = {k: v.clone() for k, v in resnet.state_dict().items()}
print(resnet.load_state_dict(state))
