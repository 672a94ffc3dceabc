def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1

def walk(tree, prefix=""):
    for name, child in tree.items():
        path = prefix + ("." if prefix else "") + name
        yield path, child
        if isinstance(child, dict):
            yield from walk(child, path)

class Module:
    def __init__(self):
        self._params = {"w": 1, "b": 2}
        self._children = {}
    def parameters(self):
        for p in self._params.values():
            yield p
        for c in self._children.values():
            yield from c.parameters()
    def named(self, prefix=""):
        for k, v in self._params.items():
            yield prefix + k, v
        for name, c in self._children.items():
            for k, v in c.named(prefix + name + "."):
                yield k, v

print(list(count_up(4)), sum(count_up(5)), max(count_up(3)))
tree = {"a": {"b": 1, "c": {"d": 2}}, "e": 3}
for path, child in walk(tree):
    print(path, child if not isinstance(child, dict) else "{...}")
m = Module()
m._children["sub"] = Module()
m._children["sub"]._params["g"] = 7
print(list(m.parameters()), dict(m.named()), sum(p for p in m.parameters()))

g = count_up(2)
print(next(g), next(g), next(g, "end"), next(g, None))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", repr(e))

def with_return():
    yield 1
    return "result"
g = with_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("value:", e.value)

squares = (x * x for x in range(5))
print(type(squares).__name__, sum(squares), sum(squares))
print(sum(x * x for x in [1, 2, 3]), any(x > 2 for x in [1, 2, 3]), all(x > 0 for x in []))
print(list(x + y for x in "ab" for y in "12" if y != "2"), "-".join(str(i) for i in range(3)))
print(dict((k, v) for k, v in zip("abc", range(3))), max((len(w), w) for w in ["aa", "b", "ccc"]))
print(sorted(x % 3 for x in range(7)), tuple(i for i in range(3)), min(i for i in [4, 2, 8]))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
for i, v in enumerate(fib()):
    if v > 50:
        print("first above 50:", i, v)
        break

def guarded(items):
    try:
        for it in items:
            if it < 0:
                raise ValueError(f"negative {it}")
            yield it
    except ValueError as e:
        yield f"caught {e}"
    finally:
        print("cleanup")
print(list(guarded([1, 2, -3, 4])))
print(list(guarded([5])))

def loops():
    for i in range(5):
        if i == 1:
            continue
        if i == 4:
            break
        yield i
    else:
        yield "no"
    for j in range(2):
        yield j * 10
    else:
        yield "else"
print(list(loops()))

def accumulate():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
acc = accumulate()
next(acc)
print(acc.send(3), acc.send(4))

it = iter([1, 2, 3])
print(next(it), list(it), next(it, "empty"))
gen = (i for i in range(2))
print(iter(gen) is gen, list(gen), list(gen))

def inner():
    yield 1
    raise KeyError("inner")
def outer():
    yield from inner()
try:
    list(outer())
except KeyError as e:
    print("KeyError", e)

def bad():
    yield 1
    raise StopIteration
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e)
print(len(list(count_up(3))))
e = count_up(1)
next(e)
next(e)
