# Binary elementwise ops: the first operand whose strides order two dims decides the layout.
import torch

torch.manual_seed(1)
for dtype in (torch.float32, torch.float64):
    a = torch.randn(6, 4, dtype=dtype).t()
    b = torch.randn(4, 6, dtype=dtype)
    row = torch.randn(6, dtype=dtype)
    col = torch.randn(4, 1, dtype=dtype)
    for name, r in [("a+b", a + b), ("b+a", b + a), ("a*b", a * b), ("b/a", b / a),
                    ("a-2", a - 2), ("2*a", 2 * a), ("a+row", a + row), ("row+a", row + a),
                    ("a*col", a * col), ("a>b", a > b), ("b<a", b < a),
                    ("where", torch.where(a > 0, a, b)), ("where2", torch.where(b > 0, b, a)),
                    ("max", torch.maximum(a, b)), ("atan2", torch.atan2(a, b)),
                    ("pow", a.abs() ** b), ("add_alpha", torch.add(a, b, alpha=0.3))]:
        print(dtype, name, r.stride(), r.is_contiguous(), r.double().sum().item(), r.sum().item())
    x = torch.randn(2, 3, 4, dtype=dtype).permute(2, 0, 1)
    y = torch.randn(3, 2, 4, dtype=dtype).permute(2, 1, 0)
    w = torch.randn(4, 2, 3, dtype=dtype)
    for name, r in [("x+y", x + y), ("y+x", y + x), ("x+w", x + w), ("w+x", w + x),
                    ("y*w", y * w), ("x+x", x + x), ("x*3", x * 3)]:
        print(name, r.stride(), r.sum().item())
