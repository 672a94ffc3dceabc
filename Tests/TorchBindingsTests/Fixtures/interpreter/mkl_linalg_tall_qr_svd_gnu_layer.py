# QR, SVD and orthogonal initialisation of tall mid-sized matrices (24 to 100 rows), whose last
# digits depend on oneMKL's threading layer: PyTorch links its GNU OpenMP layer.
import torch

torch.manual_seed(0)
for rows in (24, 32, 48, 64, 100):
    a = torch.randn(rows, 16, dtype=torch.float64)
    q, r = torch.linalg.qr(a)
    u, s, vh = torch.linalg.svd(a, full_matrices=False)
    print(rows, repr(q.sum().item()), repr(r.abs().sum().item()), repr(s.sum().item()), repr(u.abs().sum().item()))
    f = a.float()
    q32, r32 = torch.linalg.qr(f)
    print(rows, repr(q32.sum().item()), repr(torch.linalg.svdvals(f).sum().item()))
w = torch.empty(64, 48)
torch.nn.init.orthogonal_(w)
print(repr(w.sum().item()), repr(w.abs().sum().item()))
layer = torch.nn.Linear(40, 64)
torch.nn.init.orthogonal_(layer.weight, gain=2 ** 0.5)
print([repr(v) for v in layer.weight[0, :6].tolist()])
