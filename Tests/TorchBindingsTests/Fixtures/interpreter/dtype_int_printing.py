# Printing of the narrow integer dtypes: reprs, dtype names, item(), tolist(), sizes.
import torch

for dt in [torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64, torch.bool]:
    t = torch.tensor([1, 0, 1], dtype=dt)
    print(dt, t.dtype, t, t.element_size(), t.dtype.is_floating_point)
print(torch.int, torch.short, torch.long, torch.int == torch.int32, torch.short is torch.int16)
a = torch.tensor([[1, -20, 300], [4, 5, -6000]], dtype=torch.int32)
print(a)
print(repr(a[0]), str(a[1, 2]))
print(torch.tensor(7, dtype=torch.int8), torch.tensor(200, dtype=torch.uint8))
print(torch.zeros(0, dtype=torch.int16), torch.zeros(2, 0, dtype=torch.uint8))
print(torch.zeros(0, dtype=torch.int64))
print(torch.arange(30, dtype=torch.int16).reshape(3, 10))
print(torch.arange(2000, dtype=torch.int32))
x = torch.tensor([3, 250], dtype=torch.uint8)
print(x.item() if x.numel() == 1 else x[1].item(), type(x[1].item()).__name__)
print(x.tolist(), type(x.tolist()[0]).__name__)
print(torch.tensor([[1, 2]], dtype=torch.int8).tolist())
print(torch.tensor(-5, dtype=torch.int16).tolist())
print(int(torch.tensor(9, dtype=torch.int32)), float(torch.tensor(9, dtype=torch.uint8)))
print(a.shape, a.size(1), a.dim(), a.numel(), a.nbytes if hasattr(a, "nbytes") else None)
print(f"{torch.tensor(3, dtype=torch.int32)}", "{}".format(torch.tensor([1, 2], dtype=torch.int8)))
for dt in [torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64]:
    info = torch.iinfo(dt)
    print(info, info.bits, info.min, info.max)
print(a.type(), x.type(), torch.tensor([1], dtype=torch.int8).type(), torch.tensor([1], dtype=torch.int16).type())
