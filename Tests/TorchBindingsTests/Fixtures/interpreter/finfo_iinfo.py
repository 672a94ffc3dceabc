import torch

f = torch.finfo(torch.float32)
print(f)
print(f.eps, f.max, f.min, f.tiny, f.smallest_normal, f.resolution, f.bits, f.dtype)
d = torch.finfo(torch.float64)
print(d)
print(d.eps, d.max, d.min, d.tiny, d.smallest_normal, d.resolution, d.bits, d.dtype)
print(torch.finfo(), torch.finfo(type=torch.double))
torch.set_default_dtype(torch.float64)
print(torch.finfo().dtype)
torch.set_default_dtype(torch.float32)
i = torch.iinfo(torch.int64)
print(i, i.min, i.max, i.bits, i.dtype, torch.iinfo(torch.long))
print(torch.tensor([1.0, 2.0]).clamp(min=torch.finfo(torch.float32).eps * 1e7))
print(1.0 + torch.finfo(torch.float32).eps > 1.0, torch.tensor(1.0) + f.eps / 2 == 1.0)
print(torch.finfo(torch.float32) == torch.finfo(torch.float32))
for bad in [lambda: torch.finfo(torch.int64), lambda: torch.finfo(torch.bool), lambda: torch.iinfo(torch.float32), lambda: torch.iinfo(torch.bool), lambda: torch.iinfo(), lambda: torch.finfo(3), lambda: torch.finfo(torch.float32, 1)]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
