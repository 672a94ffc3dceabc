import torch
torch.autograd.set_detect_anomaly(True)
x = torch.tensor([1., 2.], requires_grad=True)
(x * 2).sum().backward()
print(x.grad)
torch.autograd.set_detect_anomaly(False)
with torch.autograd.detect_anomaly():
    y = (x ** 2).sum()
    y.backward()
print(x.grad)
