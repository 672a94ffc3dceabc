# PyTorch's matrix products with oneMKL's BLAS, called as addmm_impl_cpu_/addmv/dot/bmm call it:
# mm, matmul, addmm, nn.Linear (bias added inside gemm), mv, dot, small and large bmm, float32
# and float64, contiguous and transposed operands, compared through float64 checksums
import torch
torch.manual_seed(0)
weights = torch.rand(200000, dtype=torch.float64)
def checksum(y):
    flat = y.detach().reshape(-1).double()
    return [flat.sum().item(), (flat * weights[:flat.numel()]).sum().item(), float(flat[0]), float(flat[-1])]
for (m, k, n) in [(64, 784, 128), (64, 128, 10), (128, 784, 500), (3, 4, 5), (32, 4, 1), (1, 10, 1), (2000, 1, 1), (1, 300, 200), (17, 33, 65)]:
    for dt in [torch.float32, torch.float64]:
        a = torch.randn(m, k, dtype=dt)
        b = torch.randn(k, n, dtype=dt)
        print((m, k, n), dt, "mm", checksum(a @ b))
        print((m, k, n), dt, "mm transposed", checksum(a.t().contiguous().t() @ b.t().contiguous().t()))
        bias = torch.randn(n, dtype=dt)
        print((m, k, n), dt, "addmm", checksum(torch.addmm(bias, a, b)))
        print((m, k, n), dt, "addmm beta alpha", checksum(torch.addmm(bias, a, b, beta=0.5, alpha=2.0)))
for (batch, i, o) in [(64, 784, 128), (64, 128, 10), (1, 10, 1), (32, 4, 1), (100, 20, 3), (5, 3, 4)]:
    layer = torch.nn.Linear(i, o)
    x = torch.randn(batch, i)
    y = layer(x)
    print((batch, i, o), "linear", checksum(y))
    print((batch, i, o), "linear 3d", checksum(layer(x.reshape(1, batch, i))))
    (y * y).sum().backward()
    print((batch, i, o), "grads", checksum(layer.weight.grad), checksum(layer.bias.grad))
for (m, k) in [(100, 784), (10, 128), (1, 50), (50, 1), (300, 300)]:
    a = torch.randn(m, k)
    v = torch.randn(k)
    print((m, k), "mv", checksum(a.mv(v)), checksum(a.t().contiguous().t().mv(v)), checksum(v @ a.t()))
for k in [1, 7, 16, 100, 1000, 100000]:
    u = torch.randn(k)
    w = torch.randn(k)
    print(k, "dot", float(u.dot(w)), float(torch.randn(k, dtype=torch.float64).dot(torch.randn(k, dtype=torch.float64))))
for (bs, m, k, n) in [(4, 3, 4, 5), (2, 7, 7, 7), (8, 16, 32, 20), (3, 64, 64, 64), (10, 1, 50, 1)]:
    a = torch.randn(bs, m, k)
    b = torch.randn(bs, k, n)
    print((bs, m, k, n), "bmm", checksum(torch.bmm(a, b)), checksum(a @ b.transpose(1, 2).contiguous().transpose(1, 2)))
x = torch.randn(8, 5, 64)
w = torch.randn(64, 32)
print("matmul folded", checksum(x @ w), checksum(torch.randn(64) @ torch.randn(3, 64, 7)))
