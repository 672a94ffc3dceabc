# Factories and conversions with the narrow integer dtypes.
import torch

torch.manual_seed(0)
for dt in [torch.uint8, torch.int8, torch.int16, torch.int32]:
    print(torch.zeros(2, dtype=dt), torch.ones(2, 2, dtype=dt), torch.empty(3, dtype=dt).dtype)
    print(torch.full((2,), 7, dtype=dt), torch.arange(4, dtype=dt), torch.arange(1, 10, 3, dtype=dt))
    print(torch.randint(0, 10, (5,), dtype=dt), torch.randint(3, (2, 2), dtype=dt))
    t = torch.tensor([1, 2, 3], dtype=dt)
    print(torch.zeros_like(t), torch.ones_like(t), torch.full_like(t, 4), torch.empty_like(t).dtype, torch.rand_like(t.float()).dtype)
    print(t.new_zeros(2), t.new_ones(2), t.new_full((2,), 5), t.new_tensor([4, 5]), t.new_empty(1).dtype)
f = torch.tensor([1.7, -2.2, 3.9])
print(f.int(), f.short(), f.char(), f.byte(), f.long(), f.int().float(), f.int().double())
print(f.to(torch.int32), f.to(dtype=torch.int16), f.type(torch.int8), f.type("torch.IntTensor"), f.type("torch.ByteTensor"))
print(torch.IntTensor([1, 2]), torch.ShortTensor([3]), torch.CharTensor([-4]), torch.ByteTensor([5]), torch.LongTensor([6]))
print(torch.IntTensor(2, 3).shape, torch.ByteTensor(2).dtype)
i = torch.tensor([1, 0, 2], dtype=torch.int32)
print(i.bool(), i.float(), i.to(torch.float64), i.int() is i, i.to(torch.int32) is i, i.long().dtype)
print(torch.tensor([True, False]).int(), torch.tensor([True, False], dtype=torch.uint8))
print(torch.tensor([1.5, -2.7], dtype=torch.int32), torch.tensor(3.7, dtype=torch.int16), torch.tensor([[1, 2]], dtype=torch.int8).shape)
print(torch.as_tensor([1, 2], dtype=torch.int32), torch.tensor(torch.tensor([1, 2]), dtype=torch.uint8) if False else None)
print(i.clone(), i.detach(), i.contiguous().dtype, i.view(3, 1), i.reshape(1, 3).t(), i.flip(0), i.unsqueeze(0).expand(2, 3))
print(i.storage_offset(), i[1:].storage_offset(), i.is_floating_point(), torch.is_floating_point(i))
