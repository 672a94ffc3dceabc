# The generator state is PyTorch's uint8 ByteTensor; set_state refuses other dtypes.
import torch

torch.manual_seed(5)
s = torch.get_rng_state()
print(s.dtype, s.shape, s.type(), s[:16], s[-8:], s.sum())
a = torch.rand(3)
torch.set_rng_state(s)
print(torch.equal(a, torch.rand(3)))
for bad in [s.long(), s.int(), s.float()]:
    try:
        torch.set_rng_state(bad)
    except Exception as e:
        print(type(e).__name__, e)
g = torch.Generator().manual_seed(11)
st = g.get_state()
print(st.dtype, st[:4], st[-16:].tolist())
x = torch.randint(0, 256, (4,), dtype=torch.uint8, generator=g)
g.set_state(st.clone())
print(x, torch.randint(0, 256, (4,), dtype=torch.uint8, generator=g))
