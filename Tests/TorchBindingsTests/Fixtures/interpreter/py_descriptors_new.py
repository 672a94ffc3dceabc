import torch


class lazy:
    def __init__(self, f):
        self.f = f

    def __get__(self, instance, owner=None):
        if instance is None:
            return "class access " + owner.__name__
        value = self.f(instance)
        setattr(instance, self.f.__name__, value)
        return value


class Checked:
    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return instance._v * 10

    def __set__(self, instance, value):
        print("set", value)
        instance._v = value


class A:
    v = Checked()

    def __init__(self, x):
        self.x = x
        print("init", x)

    @lazy
    def doubled(self):
        print("computing")
        return self.x * 2


a = A(3)
print(a.doubled, a.doubled, A.doubled)
a.v = 4
print(a.v, isinstance(A.v, Checked), getattr(a, "v"))
b = a.__new__(type(a))
print(type(b).__name__, hasattr(b, "x"))
c = A.__new__(A)
c.x = 5
print(c.doubled)
print(__debug__)
s = torch.Size([2, 3])
print(s + torch.Size([4]), s + (5,), (1,) + s, s * 2, s[:-1] + s[1:], type(s + ()))
try:
    s + [1]
except TypeError as e:
    print(e)
