# source: d2l-ai/d2l-en chapter_convolutional-neural-networks/pooling.md@23d7a5aecceee57d1292c56e90cce307f183bb0a (pytorch tab; notebook cells joined, each cell's displayed result printed; d2l.* tensor helpers -> torch.*)
# [cell 0]
import torch
from torch import nn
# [cell 1]
def pool2d(X, pool_size, mode='max'):
    p_h, p_w = pool_size
    Y = torch.zeros((X.shape[0] - p_h + 1, X.shape[1] - p_w + 1))
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            if mode == 'max':
                Y[i, j] = X[i: i + p_h, j: j + p_w].max()
            elif mode == 'avg':
                Y[i, j] = X[i: i + p_h, j: j + p_w].mean()
    return Y
# [cell 2]
X = torch.tensor([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]])
print(pool2d(X, (2, 2)))
# [cell 3]
print(pool2d(X, (2, 2), 'avg'))
# [cell 4]
X = torch.reshape(torch.arange(16, dtype=torch.float32), (1, 1, 4, 4))
print(X)
# [cell 5]
pool2d = nn.MaxPool2d(3)
# Pooling has no model parameters, hence it needs no initialization
print(pool2d(X))
# [cell 6]
pool2d = nn.MaxPool2d(3, padding=1, stride=2)
print(pool2d(X))
# [cell 7]
pool2d = nn.MaxPool2d((2, 3), stride=(2, 3), padding=(0, 1))
print(pool2d(X))
# [cell 8]
X = torch.cat((X, X + 1), 1)
print(X)
# [cell 9]
pool2d = nn.MaxPool2d(3, padding=1, stride=2)
print(pool2d(X))
