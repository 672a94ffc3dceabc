# rand_like / randn_like / randint_like keep empty_like's layout (a permuted input gives a
# permuted result) and the generator fills it in memory order; randn_like of a non-contiguous
# tensor takes the scalar Box-Muller path.
import torch

torch.manual_seed(7)
for dtype in (torch.float32, torch.float64):
    for shape in ((3, 4), (4, 5, 2)):
        base = torch.zeros(*shape, dtype=dtype)
        for t in (base, base.transpose(0, 1), base.permute(*reversed(range(base.dim())))):
            r = torch.rand_like(t)
            n = torch.randn_like(t)
            i = torch.randint_like(t, 10)
            j = torch.randint_like(t, -3, 3, dtype=torch.int64)
            print(r.stride(), n.stride(), i.stride(), j.stride(), i.dtype, j.dtype)
            print(r)
            print(n)
            print(i, j)
            print(repr(r.sum().item()), repr(n.sum().item()))
import torch
g=torch.Generator().manual_seed(1)
print(torch.rand_like(torch.zeros(2), generator=g), torch.randn_like(torch.zeros(3, 6).t(), generator=g).stride(), torch.randint_like(torch.zeros(2), 5, generator=g))
torch.manual_seed(2)
print(torch.rand_like(torch.zeros(2, 3, dtype=torch.float64), dtype=torch.float32), torch.randn_like(torch.zeros(20), requires_grad=True))
