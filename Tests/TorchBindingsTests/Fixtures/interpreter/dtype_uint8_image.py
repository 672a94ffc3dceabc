# An image pipeline: uint8 pixels, to float in [0, 1], normalised, through a small model.
import torch
import torch.nn as nn

torch.manual_seed(0)
image = torch.randint(0, 256, (2, 3, 4, 4), dtype=torch.uint8)
print(image.dtype, image.shape, image[0, 0])
x = image.float() / 255
print(x[0, 0])
mean = torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1)
std = torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1)
x = (x - mean) / std
print(x.dtype, x[1, 2, 0])
labels = torch.tensor([1, 0], dtype=torch.uint8)
model = nn.Sequential(nn.Flatten(), nn.Linear(48, 2))
loss = nn.functional.cross_entropy(model(x), labels.long())
loss.backward()
print(loss, model[1].weight.grad.abs().sum())
back = (x * std + mean).mul(255).round().clamp(0, 255).to(torch.uint8)
print(back.dtype, torch.equal(back, image), (back.int() - image.int()).abs().max())
mask = image > 128
print(mask.sum(), image[mask].dtype, image[mask][:5], image.float().mean(), image.sum(), image.sum(dtype=torch.int32) if False else None)
flipped = image.flip(-1)
print(flipped[0, 0, 0], image.max(), image.min(), image.to(torch.int16).sub(128).abs().max())
