sq = lambda x: x * x
print(sq(4), (lambda: 7)(), (lambda a, b=2: a + b)(1))
def make_adder(n):
    def add(x):
        return x + n
    return add
add3 = make_adder(3)
print(add3(4))
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c = counter()
c()
c()
print(c())
fs = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in fs])
print(sorted([3, 1, 2], key=lambda v: -v))
print(list(map(lambda v: v * 2, [1, 2, 3])), list(filter(lambda v: v % 2, range(6))))
print(sq.__name__)
