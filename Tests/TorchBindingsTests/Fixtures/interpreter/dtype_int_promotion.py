# PyTorch's type promotion with the narrow integer dtypes.
import torch

dts = [torch.bool, torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64, torch.float32, torch.float64]
for a in dts:
    print(a, [str(torch.promote_types(a, b)).replace("torch.", "") for b in dts])
for a in dts:
    row = []
    for b in dts:
        r = torch.ones(2, dtype=a) + torch.ones(2, dtype=b) if a != torch.bool or b != torch.bool else torch.ones(2, dtype=a) | torch.ones(2, dtype=b)
        row.append(str(r.dtype).replace("torch.", ""))
    print(a, row)
u = torch.tensor([1, 2, 3], dtype=torch.uint8)
i8 = torch.tensor([-1, 2, -3], dtype=torch.int8)
i32 = torch.tensor([10, 20, 30], dtype=torch.int32)
print(u + i8, i8 * i32, u - i32, i32 + torch.tensor([1, 1, 1]))
print(u + 1, u * 2.5, u + True, i32 / 4, i32 // 4, i32 % 7, i8 ** 2)
print(i32 + 1.5, (i32 + 1.5).dtype, (u * 2.0).dtype, (i8 + torch.tensor(2.5, dtype=torch.float64)).dtype)
print(u + torch.tensor(1000), (u + torch.tensor(1000)).dtype, (torch.tensor(3, dtype=torch.int8) + torch.tensor(3)).dtype)
print((i32 + torch.tensor([1.0])).dtype, (i32 + torch.tensor([1.0], dtype=torch.float64)).dtype)
print(torch.result_type(u, 1), torch.result_type(u, 1.0), torch.result_type(u, i8), torch.result_type(i32, torch.tensor(5)))
print(torch.can_cast(torch.int32, torch.int8), torch.can_cast(torch.float32, torch.int32), torch.can_cast(torch.int8, torch.bool))
print(torch.cat([i32, torch.tensor([7], dtype=torch.int32)]), torch.stack([u, u]).dtype)
print(torch.where(u > 1, u, i8), torch.maximum(u, i8), torch.minimum(i32, torch.tensor([15, 15, 15], dtype=torch.int16)))
