# Unary ops PyTorch computes with a vector op on whole blocks of each inner loop and the C
# library on the rest (sigmoid, pow with a general exponent): on row slices, 3-D slices,
# column steps, transposes and broadcasts, in float64 and float32, every bit shown.
import torch

torch.manual_seed(0)
x = torch.randn(512, dtype=torch.double) * 3
views = {
    "rows": lambda v: v.view(8, 64)[:, :51],
    "3d": lambda v: v.view(8, 8, 8)[:, 2:7, :],
    "cols": lambda v: v.view(16, 32)[:, ::2],
    "t": lambda v: v.view(16, 32)[:12, :20].t(),
    "bc": lambda v: v[:40].view(1, 40).expand(3, 40),
}
for dtype in [torch.double, torch.float]:
    v = x.to(dtype)
    for name, view in views.items():
        print(dtype, name, torch.sigmoid(view(v)).flatten().tolist())
        print(dtype, name, view(v).abs().pow(1.7).flatten().tolist())

# An LSTM cell's gates are sigmoids of slices of one matrix, as here.
gates = torch.randn(5, 204, dtype=torch.double, requires_grad=True)
ingate = torch.sigmoid(gates[:, :51])
ingate.pow(2).sum().backward()
print(ingate.flatten().tolist())
print(gates.grad[:, :51].flatten().tolist())
