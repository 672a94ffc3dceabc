x = "global x"
scale = 10


class A:
    x = "class x"
    y = x + "!"
    scale = 2
    doubled = [scale * i for i in range(3)]
    pairs = [(i, j) for i in range(2) for j in [x]]
    firsts = [v for v in [x, y]]

    def show(self):
        return x

    def use_scale(self):
        return scale

    @staticmethod
    def make():
        return [x for _ in range(2)]


a = A()
print(A.x, A.y, a.show(), a.use_scale(), A.make())
print(A.doubled, A.pairs, A.firsts)


def outer():
    z = "outer z"

    class B:
        z = "class z"

        def get(self):
            return z

        w = z

    return B().get(), B.w


print(outer())


class C:
    items = [1, 2, 3]
    total = sum(items)
    lookup = {k: k * 2 for k in items}

    def method(self):
        try:
            return items
        except NameError as e:
            return "NameError: " + str(e)


print(C.total, C.lookup, C().method())


class D:
    n = 3
    try:
        sq = [n * i for i in range(2)]
    except NameError as e:
        sq = str(e)


print(D.sq)
