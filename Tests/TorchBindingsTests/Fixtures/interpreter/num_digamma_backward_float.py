# digamma's gradient, polygamma(1, x), as PyTorch 2.15's CPU kernel computes it: ATen's float
# overload of trigamma keeps its asymptotic series in float (`1.f/6`, not double), and the
# AVX-512 build contracts the series' multiply-adds into FMAs; float32 and float64, forward,
# backward and torch.polygamma(1, .) directly.
import torch
torch.manual_seed(3)
base = torch.rand(200, dtype=torch.float64) * 20 + 1e-3
base[:6] = torch.tensor([0.05, 0.3, 0.49, 1.0, 2.3301661014556885, 10.0], dtype=torch.float64)
weights = torch.randn(200, dtype=torch.float64)
for dt in [torch.float32, torch.float64]:
    leaf = base.to(dt).clone().requires_grad_()
    y = torch.digamma(leaf)
    (y * weights.to(dt)).sum().backward()
    print(dt, "y", [repr(v) for v in y.detach().tolist()])
    print(dt, "g", [repr(v) for v in leaf.grad.tolist()])
    print(dt, "polygamma1", [repr(v) for v in torch.polygamma(1, base.to(dt)).tolist()])
