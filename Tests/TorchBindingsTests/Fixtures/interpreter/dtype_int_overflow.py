# Wrap-around where PyTorch wraps: narrow integer arithmetic, casts and scalars.
import torch

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

u = torch.tensor([1, 200, 255], dtype=torch.uint8)
show(lambda: u + 100)
show(lambda: u + 300)
show(lambda: u * 2)
show(lambda: u - 2)
show(lambda: u // 300)
show(lambda: -u)
show(lambda: torch.tensor([-128, 5], dtype=torch.int8).abs())
show(lambda: -torch.tensor([-128, 5], dtype=torch.int8))
show(lambda: torch.tensor([-128], dtype=torch.int8) // -1)
show(lambda: torch.tensor([2**31 - 1], dtype=torch.int32) + 1)
show(lambda: torch.ones(2, dtype=torch.int16) * 40000)
show(lambda: torch.zeros(1, dtype=torch.int32) + 2**31)
show(lambda: torch.zeros(1, dtype=torch.int32) + 2**40)
show(lambda: torch.zeros(1, dtype=torch.int8) + 1000)
show(lambda: torch.tensor([100, 100], dtype=torch.int8).sum())
show(lambda: torch.tensor([100, 100], dtype=torch.int8).cumsum(0))
show(lambda: torch.tensor([100, 3], dtype=torch.int8).prod())
show(lambda: torch.tensor([300.7, -1.5, 1e10]).to(torch.uint8))
show(lambda: torch.tensor([300.7, -1.5, 1e10, float("nan")]).to(torch.int8))
show(lambda: torch.tensor([300.7, -1.5, 1e10, 4e9]).to(torch.int32))
show(lambda: torch.tensor([300.7, -1.5, 1e10, 70000.0]).to(torch.int16))
show(lambda: torch.tensor([300.7, -1.5], dtype=torch.float64).byte())
show(lambda: torch.tensor([2**40 + 5, -3, 70000]).to(torch.int32))
show(lambda: torch.tensor([2**40 + 5, -3, 70000]).short())
show(lambda: torch.tensor([255, 128], dtype=torch.uint8).char())
show(lambda: torch.tensor([-1, -128], dtype=torch.int8).byte())
show(lambda: torch.arange(250, 260, dtype=torch.uint8))
show(lambda: torch.tensor([[20, 30]], dtype=torch.int8) @ torch.tensor([[10], [10]], dtype=torch.int8))
x = torch.tensor([250, 3], dtype=torch.uint8)
x += 10
print(x)
x.mul_(3)
print(x)
def assign(value):
    x[0] = value
    return x
show(lambda: assign(511))
show(lambda: assign(-255))
show(lambda: assign(7.9))
for v in [255, 256, -1, -255, -256, 255.9, 256.0, -0.5]:
    show(lambda: torch.tensor([v], dtype=torch.uint8))
for v in [127, 128, -128, -129, 127.9, -128.9]:
    show(lambda: torch.tensor([v], dtype=torch.int8))
show(lambda: torch.tensor([2**31], dtype=torch.int32))
show(lambda: torch.tensor([40000], dtype=torch.int16))
show(lambda: torch.full((2,), 300, dtype=torch.uint8))
show(lambda: torch.full((2,), -1, dtype=torch.uint8))
show(lambda: torch.full((2,), -129, dtype=torch.int8))
show(lambda: torch.full((2,), 2.5, dtype=torch.int8))
show(lambda: torch.zeros(2, dtype=torch.int16).fill_(40000))
show(lambda: torch.zeros(1, dtype=torch.int32).fill_(2**31))
show(lambda: torch.zeros(1, dtype=torch.int32).fill_(-2**31))
show(lambda: torch.full_like(u, 256))
