a = b = c = 3
print(a, b, c)
x, y = 1, 2
print(x, y)
x, y = y, x
print(x, y)
(p, q), r = (1, 2), 3
print(p, q, r)
[m, n] = [4, 5]
print(m, n)
g, = [7]
print(g)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = (1, 2, 3)
print(init, last)
h, *mid, t = "abcde"
print(h, mid, t)
try:
    u, v = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__, e)
try:
    u, v, w = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    u, = []
except ValueError as e:
    print(type(e).__name__, e)
try:
    u, v = 5
except TypeError as e:
    print(type(e).__name__, e)
