# source: d2l-ai/d2l-en chapter_convolutional-modern/nin.md@23d7a5aecceee57d1292c56e90cce307f183bb0a (pytorch tab: nin_block and the NiN net; d2l.Classifier replaced by nn.Module, d2l.init_cnn and layer_summary inlined; FashionMNIST training dropped; final output print added)
import torch
from torch import nn

torch.manual_seed(0)  # added

def init_cnn(module):  # d2l.init_cnn
    """Initialize weights for CNNs."""
    if type(module) == nn.Linear or type(module) == nn.Conv2d:
        nn.init.xavier_uniform_(module.weight)

def nin_block(out_channels, kernel_size, strides, padding):
    return nn.Sequential(
        nn.LazyConv2d(out_channels, kernel_size, strides, padding), nn.ReLU(),
        nn.LazyConv2d(out_channels, kernel_size=1), nn.ReLU(),
        nn.LazyConv2d(out_channels, kernel_size=1), nn.ReLU())

class NiN(nn.Module):
    def __init__(self, lr=0.1, num_classes=10):
        super().__init__()
        self.lr = lr
        self.net = nn.Sequential(
            nin_block(96, kernel_size=11, strides=4, padding=0),
            nn.MaxPool2d(3, stride=2),
            nin_block(256, kernel_size=5, strides=1, padding=2),
            nn.MaxPool2d(3, stride=2),
            nin_block(384, kernel_size=3, strides=1, padding=1),
            nn.MaxPool2d(3, stride=2),
            nn.Dropout(0.5),
            nin_block(num_classes, kernel_size=3, strides=1, padding=1),
            nn.AdaptiveAvgPool2d((1, 1)),
            nn.Flatten())
        self.net.apply(init_cnn)

    def forward(self, X):
        return self.net(X)

    def layer_summary(self, X_shape):  # d2l.Classifier.layer_summary
        X = torch.randn(*X_shape)
        for layer in self.net:
            X = layer(X)
            print(layer.__class__.__name__, 'output shape:\t', X.shape)
        return X

model = NiN()
X = model.layer_summary((1, 1, 224, 224))
print(model)  # added
print(X)  # added
