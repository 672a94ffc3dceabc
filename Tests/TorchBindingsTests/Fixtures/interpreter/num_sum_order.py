# PyTorch's summation order (SumKernel.cpp cascade_sum): full, per-dim, strided, expanded, permuted and broadcast-gradient sums of float32 and float64, printed with all digits
import torch
torch.manual_seed(0)
def show(t):
    print([float(v) for v in t.reshape(-1).tolist()][:12])
for shape in [(10,), (15,), (16,), (17,), (33,), (100,), (257,), (1000,), (5000,), (70000,), (3, 5), (5, 40), (40, 5), (7, 70), (70, 7), (3, 100, 9), (2, 3, 4, 5), (4, 6, 28, 28), (300, 70)]:
    for dt in [torch.float32, torch.float64]:
        x = torch.randn(*shape, dtype=dt)
        show(x.sum().reshape(1))
        show(x.mean().reshape(1))
        for d in range(len(shape)):
            show(x.sum(d))
        if len(shape) >= 2:
            show(x.t().sum(0) if len(shape) == 2 else x.transpose(0, 1).sum(1))
            show(x.sum((0, len(shape) - 1)))
            show(x.mean(dim=0, keepdim=True))
        if len(shape) == 4:
            show(x.mean(dim=(0, 2, 3)))
print(torch.full((10,), 0.1).sum().item())
x = torch.randn(6, 10)
show(x[:, ::2].sum(1)); show(x[:, ::2].sum(0)); show(x[::2].sum()); show(x.t().sum())
y = torch.randn(3, 1).expand(3, 40)
show(y.sum(1)); show(y.sum(0)); show(y.sum())
z = torch.randn(4, 5, 6).permute(2, 0, 1)
show(z.sum(0)); show(z.sum(1)); show(z.sum(2)); show(z.sum((1, 2))); show(z.sum())
a = torch.randn(3, 1, requires_grad=True)
b = torch.randn(1, 50, requires_grad=True)
(a * b + a - b / 3).sum().backward()
show(a.grad); show(b.grad)
print(torch.arange(10).sum(), torch.tensor([True, False, True]).sum())
