import torch
torch.manual_seed(0)
r = torch.rand(3, 4)
print(r.shape, r.dtype, bool(((r >= 0) & (r < 1)).all()) if False else (r >= 0).all().item())
n = torch.randn(2, 2, requires_grad=True)
print(n.shape, n.requires_grad, n.is_leaf)
print(torch.randint(0, 5, (3,)).dtype)
