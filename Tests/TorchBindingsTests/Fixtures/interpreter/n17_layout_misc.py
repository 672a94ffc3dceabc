# Type conversion, clone, *_like, in-place ops and slices of permuted tensors.
import torch

torch.manual_seed(2)
a = torch.randn(7, 3).t()
print(a.double().stride(), a.to(torch.float64).stride(), a.clone().stride(), a.float().stride())
print(torch.zeros_like(a).stride(), torch.ones_like(a).stride(), torch.empty_like(a).stride())
print(a.double().sum().item(), a.clone().sum().item())
b = a.clone()
b.mul_(3.7).add_(1.3)
print(b.stride(), b.sum().item())
b.sin_()
print(b.stride(), b.sum().item())
s = torch.randn(8, 8).t()[:, 1:6]
r = torch.exp(s)
print(s.stride(), r.stride(), r.is_contiguous(), r.sum().item())
c = torch.randn(5, 6)[:, ::2]
print(torch.exp(c).stride(), torch.exp(c).sum().item())
m = torch.randn(2, 3, 4, 5).permute(0, 2, 3, 1)
print(torch.exp(m).stride(), (m + m).stride(), torch.exp(m).sum().item())
cl = torch.randn(2, 4, 5, 3).permute(0, 3, 1, 2)
print(cl.stride(), torch.relu(cl).stride(), (cl * 2).stride(), (cl + torch.randn(3, 1, 1)).stride())
print(torch.relu(cl).sum().item(), torch.full_like(cl, 2.5).stride())
e = torch.randn(3, 1, 4).permute(2, 1, 0)
print(e.stride(), torch.neg(e).stride(), (e + 1).stride())
