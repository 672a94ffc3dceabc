class Base:
    count = 0
    def __init__(self, name):
        self.name = name
        Base.count += 1
    def describe(self):
        return f"Base({self.name})"
    @classmethod
    def make(cls, name):
        return cls(name)
    @staticmethod
    def helper(x):
        return x * 2
    @property
    def upper(self):
        return self.name.upper()

class Middle(Base):
    def __init__(self, name, size):
        super().__init__(name)
        self.size = size
    def describe(self):
        return "Middle/" + super().describe()

class Leaf(Middle):
    def __init__(self, name):
        super(Leaf, self).__init__(name, 3)
    def describe(self):
        return "Leaf/" + super().describe()

leaf = Leaf("x")
print(leaf.describe(), leaf.size, leaf.upper, Base.count)
m = Leaf.make("m")
print(type(m).__name__, m.name, Middle.helper(4), m.helper(5))
print(isinstance(leaf, Base), isinstance(leaf, (int, Middle)), issubclass(Leaf, Base), issubclass(Base, Leaf))
print(issubclass(Leaf, (int, Middle)), isinstance(3, (str, int)), issubclass(bool, int))

class Temp:
    def __init__(self):
        self._c = 0.0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
del t.celsius
print(t._c)
try:
    t.fahrenheit = 3
except AttributeError as e:
    print("AttributeError:", e)

class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super().who()
class C(A):
    def who(self): return "C" + super().who()
class D(B, C):
    def who(self): return "D" + super().who()
print(D().who())

def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper() + "!"
    return wrapper

def repeat(n):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(n)]
        return wrapper
    return deco

class Greeter:
    @shout
    def hi(self, who):
        return "hi " + who
    @repeat(2)
    def twice(self, x):
        return x

print(Greeter().hi("bob"), Greeter().twice(7))

class Loud(Greeter):
    @shout
    def hi(self, who):
        return super().hi(who) + " again"
    @property
    def name(self):
        return type(self).__name__
print(Loud().hi("ann"), Loud().name, Loud.hi.__name__, Temp.celsius.fget.__qualname__)
print(Loud.hi.__qualname__, Greeter.twice.__qualname__, (lambda: 0).__qualname__, repeat(1)(len).__qualname__)
def outer():
    def inner(a):
        return a
    return inner
try:
    outer()(1, 2)
except TypeError as e:
    print("TypeError:", e)
t.celsius = 5
t.fahrenheit = 1
