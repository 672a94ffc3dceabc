# source: pytorch/examples super_resolution/model.py and main.py@77f55b912142e11fcfdf5b530231fb9c52f181e8 (Net and its orthogonal init kept; argparse and BSDS300 removed: 12 seeded random 18x18 targets and their 3x average-pooled inputs in batches of 4, 3 epochs; checkpoint saving replaced by printing the model and a weight slice)
import math
import torch
import torch.nn as nn
import torch.nn.init as init
import torch.optim as optim

torch.manual_seed(123)


class Net(nn.Module):
    def __init__(self, upscale_factor):
        super(Net, self).__init__()

        self.relu = nn.ReLU()
        self.conv1 = nn.Conv2d(1, 64, (5, 5), (1, 1), (2, 2))
        self.conv2 = nn.Conv2d(64, 64, (3, 3), (1, 1), (1, 1))
        self.conv3 = nn.Conv2d(64, 32, (3, 3), (1, 1), (1, 1))
        self.conv4 = nn.Conv2d(32, upscale_factor ** 2, (3, 3), (1, 1), (1, 1))
        self.pixel_shuffle = nn.PixelShuffle(upscale_factor)

        self._initialize_weights()

    def forward(self, x):
        x = self.relu(self.conv1(x))
        x = self.relu(self.conv2(x))
        x = self.relu(self.conv3(x))
        x = self.pixel_shuffle(self.conv4(x))
        return x

    def _initialize_weights(self):
        init.orthogonal_(self.conv1.weight, init.calculate_gain('relu'))
        init.orthogonal_(self.conv2.weight, init.calculate_gain('relu'))
        init.orthogonal_(self.conv3.weight, init.calculate_gain('relu'))
        init.orthogonal_(self.conv4.weight)


upscale = 3
high = torch.rand(12, 1, 18, 18)
low = torch.nn.functional.avg_pool2d(high, upscale)
model = Net(upscale_factor=upscale)
criterion = nn.MSELoss()
optimizer = optim.Adam(model.parameters(), lr=0.001)


def train(epoch):
    epoch_loss = 0
    for iteration in range(3):
        input, target = low[iteration * 4:(iteration + 1) * 4], high[iteration * 4:(iteration + 1) * 4]
        optimizer.zero_grad()
        loss = criterion(model(input), target)
        epoch_loss += loss.item()
        loss.backward()
        optimizer.step()
        print("===> Epoch[{}]({}/{}): Loss: {:.4f}".format(epoch, iteration, 3, loss.item()))
    print("===> Epoch {} Complete: Avg. Loss: {:.4f}".format(epoch, epoch_loss / 3))


def test():
    avg_psnr = 0
    with torch.no_grad():
        prediction = model(low)
        mse = criterion(prediction, high)
        psnr = 10 * math.log10(1 / mse.item())
        avg_psnr += psnr
    print("===> Avg. PSNR: {:.4f} dB".format(avg_psnr))


for epoch in range(1, 4):
    train(epoch)
    test()
print(model)
print(model.conv4.weight[0, 0])
