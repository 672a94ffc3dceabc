print(type(1).__name__, type(1.0).__name__, type("s").__name__, type([]).__name__, type(()).__name__, type({}).__name__, type(None).__name__, type(True).__name__)
print(type(1), type("x"), type(None), type(len) if False else "skip")
print(isinstance(1, int), isinstance(True, int), isinstance(1.0, float), isinstance(1, float), isinstance("s", (int, str)))
print(isinstance([], list), isinstance((), tuple), isinstance({}, dict), isinstance(None, type(None)))
print(type(3) == int, type(3) is int, type(True) is bool)
print(int, float, str, list)
print(str(), int(), float(), list(), tuple(), dict(), bool())
print(list("abc"), list((1, 2)), list(range(3)), tuple([1]))
print(len([1, 2]), len("abc"), len((1,)), len({"a": 1}))
try:
    len(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int("3.5")
except ValueError as e:
    print(type(e).__name__, e)
try:
    "a" + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 + "a"
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1, 2] * 1.5
except TypeError as e:
    print(type(e).__name__, e)
try:
    -"x"
except TypeError as e:
    print(type(e).__name__, e)
try:
    five = 5
    five()
except TypeError as e:
    print(type(e).__name__, e)
try:
    five = 5
    five[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    for q in 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)
