import torch
x = torch.arange(6.)
print(x.view(2, 3), x.view(-1, 2), x.reshape(3, 2), x.reshape((1, 6)))
y = x.view(2, 3)
print(y.flatten(), y.unsqueeze(0).shape, y.unsqueeze(-1).shape, y.unsqueeze(0).squeeze().shape, y.unsqueeze(1).squeeze(1).shape)
print(y.permute(1, 0), y.expand(2, 2, 3).shape, torch.ones(1, 3).expand(2, -1))
print(torch.cat([y, y]), torch.cat((y, y), dim=1).shape, torch.stack([x, x]).shape, torch.stack([x, x], dim=1).shape)
print(y.contiguous().is_contiguous(), y.t().contiguous().is_contiguous())
print(y.view_as(torch.ones(3, 2)).shape, x.expand_as(torch.ones(2, 6)).shape)
try:
    x.view(4, 2)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.cat([torch.ones(2, 2), torch.ones(3, 3)], dim=0)
except RuntimeError as e:
    print(type(e).__name__, e)
