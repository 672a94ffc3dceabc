# Sets of ints, floats, bools and tuples of them iterate in CPython's hash-table order.
print({3, 1, 2}, {10, 5, 8, 1}, {-1, -2, 0, 7}, {100, 33, 64, 1}, {2.5, 1, 0.5, True})
s = set()
for x in [17, 1, 9, 25, 33, 2]:
    s.add(x)
print(s, len(s))
s.discard(9)
s.add(41)
print(s)
print(set(range(20, 0, -3)), {(1, 2), (0, 0), (2, 1)}, frozenset([8, 16, 0, 24]))
big = set(i * 7 % 50 for i in range(30))
print(big)
a = {1, 2, 3, 40, 50}
b = {3, 4, 50, 60}
print(a | b, a & b, a - b, a ^ b, b - a)
print(a.union([9, 8, 100]), a.intersection(range(10)), a.difference({1}), a.symmetric_difference([2, 99]))
c = set(a)
c |= {64, 128}
c -= {1}
c ^= {2, 5}
print(c, sorted(c))
d = {0, 8}
d.discard(0)
d.add(16)
print(d)
e = {5, 13, 21}
print(e.pop(), e)
f = set()
for x in range(3):
    f.add(x)
for x in range(3):
    f.discard(x)
for x in range(3):
    f.add(x)
print(f, list(f), [x * 2 for x in f])
g = set(range(64))
g -= set(range(2, 62))
print(g)
print(set({7: 1, 15: 2, 3: 3}), {1e10, -0.25, 3.0, 1024})
