x = 5
print(1 < x < 10, 1 < x > 10, 1 < 2 < 3 < 4, 3 > 2 > 2)
print(1 == 1.0, 1 != 2, "a" < "b", [1, 2] < [1, 3], (1, 2) == (1, 2), (1, 2) <= (1, 2))
print(None == None, None is None, None is not None)
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(2 in [1, 2, 3], 4 not in [1, 2, 3], "ell" in "hello", "k" in {"k": 1}, 3 in (1, 2))
print(1 in range(3), 5 in range(3))
print(True == 1, False == 0, True is True)
try:
    print(1 < "a")
except TypeError as e:
    print(type(e).__name__, e)
try:
    print([1] < (1,))
except TypeError as e:
    print(type(e).__name__, e)
print(min(3, 1, 2), max([4, 9, 2]), min("bca"), max(1, 2.5))
print(max([3, -7, 2], key=abs), min([], default=None))
