# Powers of narrow integer tensors: wrap-around and the negative-exponent error.
import torch

i = torch.tensor([2, 3], dtype=torch.int32)
print(i ** 2, i ** 40, torch.tensor([3], dtype=torch.uint8) ** 5, 2 ** torch.tensor([1, 7], dtype=torch.int8))
print(i.pow(3), torch.pow(i, 2).dtype, (i ** 0.5).dtype, i ** 0.5)
for f in [lambda: i ** -1, lambda: torch.tensor([2], dtype=torch.int8) ** -2, lambda: i.pow(-3)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
