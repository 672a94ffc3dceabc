class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count
    def __repr__(self):
        return f"Counter({self.id})"
    def __str__(self):
        return "C" + str(self.id)
a = Counter()
b = Counter()
print(a, b, Counter.count, repr(a), [a, b], str(b))
print(f"{a} {a!r}")
class Vec:
    def __init__(self, x):
        self.x = x
    def __add__(self, o):
        return Vec(self.x + o.x)
    def __eq__(self, o):
        return self.x == o.x
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10
    def __call__(self, k):
        return self.x * k
v = Vec(1) + Vec(2)
print(v.x, Vec(1) == Vec(1), len(v), v[2], v(5))
