# Elementwise unary results keep a permuted input's memory layout (TensorIterator).
import torch

torch.manual_seed(0)
for dtype in (torch.float32, torch.float64):
    y = torch.randn(5, 10, dtype=dtype)
    a = y.t()
    for name, f in [("sin", torch.sin), ("exp", torch.exp), ("neg", torch.neg), ("abs", torch.abs),
                    ("sigmoid", torch.sigmoid), ("tanh", torch.tanh), ("relu", torch.relu),
                    ("pow3", lambda t: t ** 3), ("pow2.5", lambda t: t.abs() ** 2.5),
                    ("expm1", torch.expm1), ("clamp", lambda t: t.clamp(-0.5, 0.5)),
                    ("sqrt", lambda t: t.abs().sqrt())]:
        r = f(a)
        print(dtype, name, r.is_contiguous(), r.stride(), r.sum().item(), r.mean().item())
    print(torch.sin(y).sum().item(), torch.sin(a).sum().item())
    z = torch.randn(3, 4, 5, dtype=dtype)
    for perm in [(2, 0, 1), (1, 2, 0), (2, 1, 0), (0, 2, 1)]:
        p = z.permute(*perm)
        r = torch.cos(p)
        print(perm, r.stride(), r.is_contiguous(), r.sum().item(), r.sum(0).sum().item())
