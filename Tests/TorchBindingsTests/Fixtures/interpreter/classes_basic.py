class Point:
    dims = 2
    def __init__(self, x, y=0):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def scaled(self, k):
        return Point(self.x * k, self.y * k)
p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.scaled(2).x, Point.dims, p.dims)
print(type(p).__name__, isinstance(p, Point))
p.z = 5
print(p.z)
class P3(Point):
    def __init__(self, x, y, z):
        Point.__init__(self, x, y)
        self.z = z
    def norm2(self):
        return Point.norm2(self) + self.z ** 2
q = P3(1, 2, 2)
print(q.norm2(), isinstance(q, Point), isinstance(p, P3))
try:
    p.missing
except AttributeError as e:
    print(type(e).__name__, e)
class Util:
    @staticmethod
    def double(v):
        return 2 * v
print(Util.double(4), Util().double(5))
