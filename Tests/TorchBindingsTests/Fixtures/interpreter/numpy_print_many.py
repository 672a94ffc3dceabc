# numpy's arrayprint on generated arrays: float32/float64 magnitudes, negatives, whole
# numbers, nan/inf, ints and bools, shapes up to 3-D, line wrapping and summarisation.
import random
import numpy as np

random.seed(1234)


def value(kind, scale):
    if kind == 0:
        return random.uniform(-1, 1) * scale
    if kind == 1:
        return float(random.randint(-50, 50)) * scale
    if kind == 2:
        return round(random.uniform(0, 10), random.randint(0, 4))
    return random.choice([0.0, -0.0, 1.5, float("nan"), float("inf"), -float("inf"), 2.0]) * random.choice([1, 1, scale])


def shape():
    ndim = random.choice([1, 1, 1, 2, 2, 3])
    return [random.randint(1, 6 if ndim > 1 else 14) for _ in range(ndim)]


def nested(s, make):
    if len(s) == 1:
        return [make() for _ in range(s[0])]
    return [nested(s[1:], make) for _ in range(s[0])]


for i in range(240):
    s = shape()
    kind = random.randint(0, 3)
    scale = 10.0 ** random.randint(-9, 12)
    dtype = random.choice([np.float32, np.float64])
    a = np.array(nested(s, lambda: value(kind, scale)), dtype=dtype)
    print(i, a.shape, a.dtype)
    print(a)
    print(repr(a))
    if kind < 3:
        print(a.sum(), repr(a.max()), a.ravel()[0], repr(a.ravel()[-1]))

for i in range(40):
    s = shape()
    lo = -(10 ** random.randint(0, 12))
    a = np.array(nested(s, lambda: random.randint(lo, -lo)))
    print(a)
    print(repr(a), repr(a.sum()))
    b = a > 0
    print(b)
    print(repr(b))

for n in [1001, 2000, 30 * 40]:
    a = np.arange(n, dtype=np.float64) / 7
    print(a)
    print(repr(a.astype(np.float32)))
print(np.arange(1200).reshape(30, 40))
print(repr(np.arange(24.0).reshape(2, 3, 4) * 1e5))
print(np.zeros((0, 3)), repr(np.zeros((2, 0))), repr(np.array([], dtype=np.int64)))
print(np.array(2.5), repr(np.array(2.5)), repr(np.array(7)), repr(np.array(True)))
for v in [1e-4, 9.99e-5, 1e6, 999999.0, 1e16, 1e15, 123456789.0, 0.1, 1 / 3, -0.0]:
    print(np.float32(v), repr(np.float32(v)), np.float64(v), repr(np.float64(v)))
