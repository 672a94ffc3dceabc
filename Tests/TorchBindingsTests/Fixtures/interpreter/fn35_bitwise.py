import torch
a = torch.tensor([5, 3, 12, -7])
b = torch.tensor([3, 6, 10, 2])
print(a & b, a | b, a ^ b, ~a, a << 2, a >> 1)
print(torch.bitwise_and(a, b), torch.bitwise_or(a, 3), torch.bitwise_xor(a, b), torch.bitwise_not(a))
print(a.bitwise_left_shift(1), torch.bitwise_right_shift(a, 1), a.bitwise_and(b), a.bitwise_xor(1))
print(a << 70, a << -1, a >> 64, a >> torch.tensor([-1, 1, 2, 63]))
u = torch.tensor([200, 3, 255], dtype=torch.uint8)
i8 = torch.tensor([100, -3, 7], dtype=torch.int8)
print(u << 1, u >> 9, ~u, u ^ 255, u & i8)
print(i8 << 1, i8 >> 8, i8 >> 7, ~i8, i8 | 1)
i32 = torch.tensor([1, 2], dtype=torch.int32)
print(i32 << 31, i32 << 32, (i32 & 3).dtype)
bo = torch.tensor([True, False])
print(bo << 1, bo & True, bo | a[:2], ~bo, bo ^ torch.tensor([True, True]))
print(a & True, 1 << a[:2], 3 & a, 2 ^ a, 5 | a)
print(a & torch.tensor([[1], [2]]))
c = a.clone()
c &= 6
print(c)
c |= b
print(c)
c ^= 1
print(c)
c <<= 2
print(c)
c >>= 1
print(c)
d = a.clone()
d.bitwise_not_()
d.bitwise_or_(b)
d.bitwise_xor_(1)
d.bitwise_left_shift_(1)
d.bitwise_right_shift_(2)
d.bitwise_and_(7)
print(d)
x = torch.ones(2, requires_grad=True)
m = (x > 0) & (x < 2)
print(m, m.requires_grad)
f = torch.tensor([1.5, 2.0])
for fn in [lambda: f & f, lambda: f << 1, lambda: f >> 1, lambda: ~f, lambda: a & 1.5, lambda: torch.bitwise_not(f),
]:
    try:
        print(fn())
    except Exception as e:
        print(type(e).__name__, e)
try:
    a &= f[:1]
except RuntimeError as e:
    print('RuntimeError', e)
try:
    bo |= a[:2]
except RuntimeError as e:
    print('RuntimeError', e)
