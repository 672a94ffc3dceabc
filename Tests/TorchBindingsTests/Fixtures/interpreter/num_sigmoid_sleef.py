# sigmoid as PyTorch's kernel computes it: 1 / (1 + exp(-x)) with SLEEF's exp_u10 over whole
# blocks of 32 floats (16 doubles) of a contiguous tensor and the C library's exp on the rest
# and on strided tensors; seeded inputs of many lengths, float32 and float64, nn.Sigmoid, F.sigmoid
import torch
torch.manual_seed(7)
n = 100000
weights = torch.rand(n, dtype=torch.float64)
def checksum(y):
    flat = y.detach().reshape(-1).double()
    return [flat.sum().item(), (flat * weights[:flat.numel()]).sum().item(), float(flat[0]), float(flat[-1])]
x = torch.randn(n) * 5
for dt in [torch.float32, torch.float64]:
    xs = x.to(dt)
    print(dt, checksum(torch.sigmoid(xs)), checksum(xs[::3].sigmoid()))
    for length in [1, 7, 15, 16, 17, 31, 32, 33, 47, 48, 63, 64, 65, 100, 1001]:
        print(dt, length, checksum(torch.sigmoid(xs[:length])))
print(torch.sigmoid(torch.tensor([0.0, -0.0, 100.0, -100.0, -88.5, float("inf"), -float("inf"), float("nan")])))
print(torch.nn.Sigmoid()(x[:6]), torch.nn.functional.sigmoid(x[6:12]), torch.sigmoid(torch.arange(-3, 3)))
y = x[:40].clone().requires_grad_()
torch.sigmoid(y).sum().backward()
print(checksum(y.grad))
