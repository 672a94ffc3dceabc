# hash() of numbers, as CPython computes it: negative floats keep their sign, -1 hashes as -2,
# integral floats hash as their int, and random.seed() of a float follows the same hash.
import random

for x in [-1.5, 1.5, -1.0, 1.0, -2.0, 0.1, -0.1, 1e300, -1e-300, 3.0e18, -7.25, float("inf"), float("-inf")]:
    print(repr(x), hash(x))
for n in [-1, -2, 0, 2**61 - 1, 2**61, -(2**61), 2**62 + 5]:
    print(n, hash(n))
print(hash(True), hash(False), hash((-1.5, 2)), hash((1, -1.0)))
print({-1.5: "a", 1.5: "b"}[-1.5], len({-1.0, -1, 1.0}))
random.seed(-2.5)
first = random.random()
random.seed(2.5)
print(first, random.random(), first == random.random())
