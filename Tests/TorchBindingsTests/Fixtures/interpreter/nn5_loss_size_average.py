import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(4, 5)
y = torch.randn(4, 5)
print(nn.MSELoss(size_average=False).reduction)
print(nn.L1Loss(reduce=False).reduction)
print(nn.CrossEntropyLoss(size_average=True, reduce=True).reduction)
print(nn.NLLLoss(size_average=False, reduce=False).reduction)
print(nn.BCEWithLogitsLoss(reduce=False, reduction='sum').reduction)
print(nn.SmoothL1Loss(size_average=None, reduce=None).reduction)
print(F.mse_loss(x, y, size_average=False))
print(F.l1_loss(x, y, reduce=False).shape)
print(F.smooth_l1_loss(x, y, size_average=True, reduce=True))
print(F.kl_div(x, y.exp(), size_average=False))
print(F.binary_cross_entropy_with_logits(x, torch.sigmoid(y), reduce=False).shape)
print(F.binary_cross_entropy(torch.sigmoid(x), torch.sigmoid(y), size_average=False))
print(F.nll_loss(F.log_softmax(x, 1), torch.tensor([0, 1, 2, 3]), reduce=False))
print(F.cross_entropy(x, torch.tensor([0, 1, 2, 3]), size_average=False))
print(F.mse_loss(x, y, size_average=None, reduction='sum'))
