def f(a, b=2, *args, c=3, **kw):
    return (a, b, args, c, kw)
print(f(1))
print(f(1, 5, 6, 7, c=8, d=9))
print(f(b=4, a=0))
def g(x, y=[]):
    y.append(x)
    return y
print(g(1), g(2))
def h():
    pass
print(h())
def k(n):
    if n <= 1:
        return 1
    return n * k(n - 1)
print(k(10))
def multi():
    return 1, 2
a, b = multi()
print(a, b, multi())
args = [1, 2]
kwargs = {"c": 10}
print(f(*args, **kwargs))
print(f.__name__, k.__name__)
try:
    f()
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(1, a=2)
except TypeError as e:
    print(type(e).__name__, e)
def two(a, b):
    return a + b
try:
    two(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    two(1, z=3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    two()
except TypeError as e:
    print(type(e).__name__, e)
