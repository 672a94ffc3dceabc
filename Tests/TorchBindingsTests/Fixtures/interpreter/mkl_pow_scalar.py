# pow with a Python-number exponent, as PyTorch's pow_tensor_scalar_kernel computes it: products
# rounded after each step for 2, 3 and -2, VML sqrt / 1/sqrt / reciprocal for 0.5, -0.5, -1, and
# other exponents through SLEEF's pow_u10 on whole 32-float (16-double) blocks with std::pow on
# the rest and on strided tensors; float32 and float64, checksums of seeded inputs, the backward
import torch
torch.manual_seed(5)
n = 100000
weights = torch.rand(n, dtype=torch.float64)
def checksum(y):
    flat = y.reshape(-1).double()
    return [flat.sum().item(), (flat * weights[:flat.numel()]).sum().item(), float(flat[0]), float(flat[-1])]
x = torch.rand(n) * 10 + 0.01
for dt in [torch.float32, torch.float64]:
    xs = x.to(dt)
    for e in [2, 3, -2, 0.5, -0.5, -1, 1, 0, 2.0, 3.0, 4, 2.5, 1 / 3, -1.5, 0.25, 7]:
        print(dt, e, checksum(xs ** e), checksum(torch.pow(xs[::7], e)))
    for length in [1, 15, 16, 17, 31, 32, 33, 47, 63, 64, 65, 100]:
        print(dt, length, checksum(xs[:length] ** 2.5), checksum(xs[:length] ** (1 / 3)))
    print(dt, "pow_", checksum(xs.clone().pow_(3)), checksum(xs.clone().pow_(1.7)))
signed = torch.randn(37) * 4
print(signed ** 3, signed ** -2, (signed ** 2).tolist()[:5], signed.abs() ** 0.3)
w = torch.randn(1000, requires_grad=True)
(w ** 3).sum().backward()
print("grad3", checksum(w.grad))
w.grad = None
(w ** -2).sum().backward()
print("grad-2", checksum(w.grad))
v = (torch.rand(1000) + 0.5).requires_grad_()
(v ** 2.5).sum().backward()
print("grad2.5", checksum(v.grad))
print(torch.tensor([0.0, -0.0, float("inf"), -float("inf"), float("nan")]) ** 3)
print(torch.tensor([0.0, -0.0, float("inf"), 4.0]) ** -0.5, torch.tensor([0.0, -0.0, 4.0]) ** -2)
print(torch.arange(5) ** 3, torch.arange(1, 5) ** 0.5, torch.arange(1, 5) ** -1.0)
