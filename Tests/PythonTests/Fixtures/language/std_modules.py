from __future__ import annotations
import itertools
import functools as ft
from collections import OrderedDict, defaultdict, namedtuple, deque, Counter
from itertools import count as counter, chain
import math

print(list(itertools.islice(counter(5, 2), 4)), list(itertools.islice("abcdefg", 1, 6, 2)))
print(list(chain([1, 2], (3,), "ab")), list(chain.from_iterable([[1], [2, 3]])))
print(list(itertools.product("ab", [0, 1])), len(list(itertools.product(range(3), repeat=2))))
print(list(itertools.permutations([1, 2, 3], 2)), list(itertools.combinations("abcd", 2)))
print(list(itertools.combinations_with_replacement("ab", 2)), list(itertools.accumulate([1, 2, 3, 4])))
print(list(itertools.accumulate([1, 2, 3], lambda a, b: a * b, initial=10)))
print(list(itertools.zip_longest("ab", [1, 2, 3], fillvalue="-")), list(itertools.repeat("x", 3)))
print([(k, list(g)) for k, g in itertools.groupby("aabccc")], list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print(list(zip(range(3), itertools.cycle("xy"))), list(itertools.pairwise([1, 2, 3])))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])))

print(ft.reduce(lambda a, b: a + b, [1, 2, 3]), ft.reduce(lambda a, b: a * b, [], 7))
add3 = ft.partial(lambda a, b, c=0: a + b + c, 1, c=10)
print(add3(2), add3(2, c=0), add3.args)

def logged(fn):
    @ft.wraps(fn)
    def wrapper(*args):
        return fn(*args)
    return wrapper

@logged
def square(x):
    """Square."""
    return x * x
print(square(4), square.__name__)

calls = []
@ft.lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), len(calls))

@ft.cache
def double(x):
    return 2 * x
print(double(4), double(4))

od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
od.move_to_end("b")
print(od, list(od.keys()), od.popitem(), od.popitem(last=False), od)
print(OrderedDict(), OrderedDict([("x", 1)]), isinstance(od, dict), type(od).__name__)
dd = defaultdict(list)
dd["x"].append(1)
dd["x"].append(2)
dd["y"]
print(dd, dict(dd), len(dd))
counts = defaultdict(int)
for w in "the cat the hat the".split():
    counts[w] += 1
print(sorted(counts.items()), counts["zzz"])
c = Counter("abracadabra")
print(c, c.most_common(2), c["z"], c["a"])
c.update("aaz")
print(c.most_common(3), sum(c.values()), Counter())
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p[1], p._fields, p._asdict(), p._replace(x=9), tuple(p), p == (1, 2))
x, y = p
print(x + y, Point._fields, Point._make([3, 4]), isinstance(p, tuple), len(p), hash(p) == hash((1, 2)))
Color = namedtuple("Color", "r g b", defaults=[0])
print(Color(1, 2), sorted([Point(2, 1), Point(1, 5)]))
d = deque([1, 2, 3], maxlen=3)
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], list(d), d.maxlen)
q = deque()
q.extend([1, 2, 3])
q.rotate(1)
print(q, q.popleft(), q.pop(), q)
print(math.inf, -math.inf, math.isclose(1.0, 1.0 + 1e-12), math.prod([1, 2, 3, 4]), math.comb(5, 2), math.factorial(6))
print(math.gcd(12, 18), math.log(8, 2), math.hypot(3, 4), math.copysign(2, -1), math.degrees(math.pi), math.radians(180))
print(math.fsum([0.1] * 10), math.perm(5, 2), math.isqrt(17), math.log1p(0.5), math.expm1(1e-5), math.atan2(1, 1))
print(math.floor(-2.5), math.ceil(2.1), math.trunc(-2.7), math.modf(2.5), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.sinh(1.0), math.cosh(1.0), math.asinh(1.0), math.acosh(2.0), math.atanh(0.5), math.erf(0.5), math.erfc(0.5))
print(math.gamma(5.5), math.lgamma(5.5), math.dist([0, 0], [3, 4]), math.fmod(7, 3), math.remainder(7, 4), math.tau)
print(math.lcm(4, 6), math.sqrt(2), math.exp(1), math.pow(2, 10), math.isfinite(math.nan), math.cbrt(27.0) if hasattr(math, "cbrt") else 3.0)
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError:", e)
