# numpy's legacy global RandomState, bit for bit: seeding, rand/random/uniform (53-bit
# doubles), randn/normal (polar method with the cached second value, also across calls),
# randint (masked rejection, 32- and 64-bit ranges).
import numpy as np

np.random.seed(0)
print(repr(np.random.rand(5)))
print(repr(np.random.randn(2, 3)))
print(np.random.randn(), np.random.randn(), np.random.rand())
print(repr(np.random.randn(3)))  # odd count: the next call starts from the cached value
print(repr(np.random.randn(1)), np.random.random(), repr(np.random.random((2, 2))))
print(repr(np.random.uniform(-1, 1, size=4)), np.random.uniform(), np.random.uniform(5, 6))
print(repr(np.random.normal(10, 0.5, size=(2, 2))), np.random.normal())
print(repr(np.random.randint(0, 10, size=8)), np.random.randint(5), np.random.randint(-3, 3))
print(repr(np.random.randint(0, 2**40, size=3)), repr(np.random.randint(7, size=(2, 3))))
print(repr(np.random.randint(0, 2**32, size=2)), repr(np.random.randint(-2**40, 2**40, size=2)))
for seed in [1, 42, 2**32 - 1, 123456789]:
    np.random.seed(seed)
    print(seed, repr(np.random.randn(4)), repr(np.random.randint(0, 1000, size=4)), np.random.rand())
np.random.seed(3)
x = np.random.randn(1000)
print(repr(x.sum()), repr(x.mean()), repr(x.max()), repr(x.argmin()), x[:4], x[-2:])
for bad in [lambda: np.random.seed(-1), lambda: np.random.randint(3, 3), lambda: np.random.randint(0)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
