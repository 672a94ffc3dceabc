# addcmul computes self + value * t1 * t2 with the last multiply-add fused (PyTorch's vectorised
# kernel, as GCC compiles it); addcdiv self + value * t1 / t2; lerp with a scalar weight; float32
# and float64, short and long inputs, and Adam's first steps, which use all three
import torch
torch.manual_seed(3)
for dt in [torch.float32, torch.float64]:
    for n in [1, 5, 16, 37, 1037, 100000]:
        a = torch.randn(n, dtype=dt); b = torch.randn(n, dtype=dt); c = torch.rand(n, dtype=dt) + 0.1
        for v in [1, 0.001, -0.3]:
            print(dt, n, v, torch.addcmul(a, b, c, value=v).double().sum().item(),
                  a.clone().addcdiv_(b, c, value=v).double().sum().item(),
                  torch.lerp(a, b, 0.1 if v == 1 else 0.7).double().sum().item())
x = torch.randn(10)
print(torch.addcmul(x, x, x, value=0.5).tolist())
model = torch.nn.Linear(100, 10)
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
data = torch.randn(64, 100)
for step in range(5):
    loss = model(data).pow(2).sum()
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, loss.item(), model.weight.double().sum().item(), model.bias.tolist()[:3])
