# torch.cdist's direct kernel (fewer than 26 rows a side): each pair's squares added column by
# column as PyTorch's compiled loop does (16-byte blocks, the last columns fused), float32 and
# float64, with gradients; and the matrix-product path above 25 rows.
import torch

torch.manual_seed(0)
for m in (3, 5, 8, 13, 17):
    for dtype in (torch.float32, torch.float64):
        a = torch.randn(4, m, dtype=dtype, requires_grad=True)
        b = torch.randn(2, 5, m, dtype=dtype, requires_grad=True)
        d = torch.cdist(a, b)
        (d * torch.randn(2, 4, 5, dtype=dtype)).sum().backward()
        print(m, dtype, [repr(v) for v in d.flatten().tolist()[:12]])
        print([repr(v) for v in a.grad.flatten().tolist()[:8]], [repr(v) for v in b.grad.flatten().tolist()[:8]])
for p in (1.0, 0.5, 3.0, float("inf")):
    a = torch.randn(3, 11, requires_grad=True)
    b = torch.randn(4, 11)
    d = torch.cdist(a, b, p=p)
    d.sum().backward()
    print(p, [repr(v) for v in d.flatten().tolist()], [repr(v) for v in a.grad.flatten().tolist()[:6]])
big = torch.cdist(torch.randn(30, 7), torch.randn(8, 7))
print([repr(v) for v in big.flatten().tolist()[:10]], big.grad_fn)
