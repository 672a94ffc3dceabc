class Vec:
    scale = 10
    def __init__(self, *xs):
        self.xs = list(xs)
    def __repr__(self):
        return f"Vec({', '.join(str(x) for x in self.xs)})"
    def __len__(self):
        return len(self.xs)
    def __getitem__(self, i):
        return self.xs[i]
    def __setitem__(self, i, v):
        self.xs[i] = v
    def __delitem__(self, i):
        del self.xs[i]
    def __contains__(self, v):
        return v in self.xs
    def __iter__(self):
        return iter(self.xs)
    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(*[a + b for a, b in zip(self.xs, other.xs)])
        if isinstance(other, (int, float)):
            return Vec(*[a + other for a in self.xs])
        return NotImplemented
    def __radd__(self, other):
        return self + other
    def __mul__(self, k):
        return Vec(*[a * k for a in self.xs])
    __rmul__ = __mul__
    def __matmul__(self, other):
        return sum(a * b for a, b in zip(self.xs, other.xs))
    def __neg__(self):
        return Vec(*[-a for a in self.xs])
    def __eq__(self, other):
        return isinstance(other, Vec) and self.xs == other.xs
    def __lt__(self, other):
        return len(self) < len(other)
    def __bool__(self):
        return any(self.xs)
    def __hash__(self):
        return hash(tuple(self.xs))
    def __format__(self, spec):
        return "<" + ",".join(format(x, spec) for x in self.xs) + ">"
    def __str__(self):
        return "vec" + str(self.xs)

v = Vec(1, 2, 3)
w = Vec(4, 5, 6)
print(v, repr(v), len(v), v[1], v[-1], 2 in v, 7 in v)
print(v + w, v + 1, 1 + v, v * 2, 3 * v, v @ w, -v)
v[0] = 9
del v[1]
print(v, list(v), [x * 2 for x in v], sum(v))
print(v == Vec(9, 3), v != Vec(9, 3), v == w, v < w, w > v, sorted([w, v]))
print(bool(Vec(0, 0)), bool(v), not Vec(0))
print(f"{v:.1f}", format(w, "03d"), "{:>2}".format(v))
print(Vec.scale, v.scale, type(v).__name__, v.__class__.__name__, type(v) is Vec)
print(hash(v) == hash((9, 3)), callable(v), callable(Vec), callable(len))
try:
    v + "a"
except TypeError as e:
    print("TypeError:", e)
try:
    v < 3
except TypeError as e:
    print("TypeError:", e)
a, b = Vec(7, 8)
print(a, b, max(Vec(3, 1, 2)), *Vec(5, 6))

class Wide:
    def method(self, first,
                     second,
            third):
        return first + second + third

    def other(self):
        return "other"
print(Wide().method(1,
    2, 3), Wide().other())

class Key:
    def __init__(self, name):
        self.name = name
    def __eq__(self, other):
        return isinstance(other, Key) and self.name.lower() == other.name.lower()
    def __hash__(self):
        return hash(self.name.lower())
    def __repr__(self):
        return f"Key({self.name!r})"

table = {Key("A"): 1}
table[Key("a")] = 2
print(table, Key("A") in table, len({Key("x"), Key("X"), Key("y")}), table[Key("a")])

class EqOnly:
    def __eq__(self, other):
        return True
print(EqOnly() == 3, EqOnly() in [1])
try:
    {EqOnly(): 1}
except TypeError as e:
    print("TypeError:", e)
plain = object()
class Plain:
    pass
print(len({Plain(), Plain()}), type(plain).__name__, plain == plain)
