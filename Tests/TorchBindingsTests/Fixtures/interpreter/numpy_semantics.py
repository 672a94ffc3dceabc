# numpy 2 semantics: dtype inference, NEP 50 promotion with Python scalars, scalars and
# their reprs, reductions over axes, views sharing memory, in-place ops, errors.
import numpy as np

a = np.array([1, 2, 3])
f = np.array([1.5, -2.0, 0.25], dtype=np.float32)
d = np.array([[1.0, 2.0], [3.0, 4.0]])
b = np.array([True, False, True])
for x in [a, f, d, b, np.array([[1, 2.5]]), np.array([True, 2])]:
    print(repr(x), x.dtype, x.shape, x.ndim, x.size)

for expr in [a + 1, a + 1.5, a * True, f + 1, f * 2.5, f + a, f + d[0, :1], a / a, a // 2, a % 2, a ** 2,
             -a, f - 1e10, b + b, b * 3, a - 0.5, d @ d, a.dot(a), f.dot(f)]:
    print(repr(expr))

print(repr(np.float32(1.5) + 1), repr(np.float32(1.5) + 1.0), repr(np.float64(2.5) * f), repr(np.int64(7) // 2))
print(repr(f.sum()), repr(a.sum()), repr(d.sum(axis=0)), repr(d.sum(axis=1)), repr(d.mean()), repr(a.mean()))
print(repr(d.max(axis=0)), repr(d.min()), repr(d.argmax()), repr(d.argmax(axis=1)), repr(d.sum(axis=1, keepdims=True)))
print(repr(np.sum(d, axis=0)), repr(np.mean(f)), repr(np.max(a)), repr(b.sum()))
print(a > 1, repr(f <= 0.25), repr(a == a), repr(d != 2))

print(a.item(0) if False else a[0], repr(a[0]), type(a[0]), repr(d[1]), repr(d[:, 1]), repr(d[-1, -1]))
print(float(np.array(2.5)), int(np.array(7)), float(a[1]), np.array(3.5).item(), f.tolist(), d.tolist())
print(repr(d.T), repr(d.reshape(4)), repr(d.reshape(1, -1)), repr(np.arange(6).reshape((2, 3))))

v = d[0]
v[1] = 20
print(d)
s = a[1:]
s += 10
print(a)
m = np.zeros((3, 4))
m[1, :] = 5
m[:, 2] = np.arange(3)
m[m > 4] = -1
print(m)
c = d.copy()
c[0, 0] = 100
print(d[0, 0], c[0, 0])

print(repr(np.zeros(3)), repr(np.ones((2, 2), dtype=np.int64)), repr(np.full((2,), 7)), repr(np.full(2, 0.5)))
print(repr(np.arange(5)), repr(np.arange(1, 2, 0.25)), repr(np.arange(3.0)), repr(np.eye(3)), repr(np.eye(2, 3, dtype=np.float32)))
print(repr(np.linspace(0, 1, 5)), repr(np.linspace(-3, 3, 4, dtype=np.float32)), repr(np.linspace(0, 1, 4, endpoint=False)))
print(repr(np.zeros_like(a)), repr(np.ones_like(f)), repr(np.asarray([1.0, 2])), repr(a.astype(np.float32)), repr(f.astype(int)))
print(repr(np.sqrt(f + 2)), repr(np.sqrt(a)), repr(np.square(a)), repr(np.abs(np.array([-1.5, 2]))), repr(abs(a - 2)))
print(repr(np.maximum(a, 2)), repr(np.minimum(f, 0)), repr(np.clip(np.arange(6), 1, 4)), repr(np.add(a, 1)))
print(np.allclose(d, d + 1e-9), np.allclose(d, d + 1e-3), repr(np.sqrt(4)), repr(np.square(3)))
print(np.float32(0.1), np.float64(0.1), repr(np.float32(0.1)), np.float32(3.0), repr(np.int64(5)), np.True_)
print(np.pi, np.inf, -np.inf, np.nan, type(np.float64(1.0)), isinstance(np.float64(1.0), float))
print(f"{np.float32(2.5):.3f} {d.sum():.2f} {a[1]:>4}", "%.2f" % np.float64(1.234))

for bad in [lambda: a + np.zeros(2), lambda: a.sum(axis=1), lambda: b - b, lambda: np.array([[1, 2], [3]]),
            lambda: np.array([[1, 2], [[3], 4]]), lambda: a.reshape(4), lambda: np.arange(6).reshape(4, 2),
            lambda: bool(a), lambda: np.float32(1)[0], lambda: a[5], lambda: a[1, 2], lambda: a @ np.ones(2),
            lambda: float(a[:1]), lambda: np.zeros(-1), lambda: -b]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
x = np.arange(3)
try:
    x += 1.5
except Exception as e:
    print(type(e).__name__, e)
