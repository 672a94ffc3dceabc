class Registry:
    def __init__(self):
        object.__setattr__(self, "_params", {})
        object.__setattr__(self, "_mods", {})
        self.plain = 1

    def __setattr__(self, name, value):
        if isinstance(value, float):
            self._params[name] = value
        elif isinstance(value, Registry):
            self._mods[name] = value
        else:
            super().__setattr__(name, value)

    def __getattr__(self, name):
        if name in self._params:
            return self._params[name]
        if name in self._mods:
            return self._mods[name]
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def __delattr__(self, name):
        if name in self._params:
            del self._params[name]
        else:
            super().__delattr__(name)

r = Registry()
r.w = 0.5
r.child = Registry()
r.child.b = 2.0
r.n = 3
print(r.w, r.child.b, r.n, r.plain, sorted(r._params), list(r._mods))
print(hasattr(r, "w"), hasattr(r, "zzz"), getattr(r, "zzz", "dflt"), getattr(r, "w"))
setattr(r, "v", 1.5)
print(r.v, r._params)
del r.w
delattr(r, "n")
print(hasattr(r, "w"), hasattr(r, "n"), r._params)
try:
    r.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    del r.nothing
except AttributeError as e:
    print("AttributeError:", e)

class Plain:
    pass
p = Plain()
try:
    p.x
except AttributeError as e:
    print("AttributeError:", e)
try:
    del p.x
except AttributeError as e:
    print("AttributeError:", e)

class Ctx:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.swallow

with Ctx("a") as c, Ctx("b"):
    print("inside", c.name)
with Ctx("c", swallow=True):
    raise ValueError("boom")
print("after")
try:
    with Ctx("d"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))

class Counter:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Counter(3)), sum(Counter(4)), next(Counter(1)))
it = Counter(1)
print(next(it), next(it, "done"))
print(r.child.missing)
