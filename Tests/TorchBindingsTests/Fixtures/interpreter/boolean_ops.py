print(True and False, True or False, not True, not 0, not [])
print(0 or "x", "" or [] or None, 1 and 2, 0 and 1/0)
print(None or 0, [] and 1)
print(bool(0), bool(1), bool(""), bool("a"), bool([]), bool([0]), bool(None), bool(0.0), bool({}), bool(()))
x = 3
print("pos" if x > 0 else "neg", "zero" if x == 0 else "nonzero")
y = 1 if x < 0 else 2 if x < 5 else 3
print(y)
def side(v):
    print("side", v)
    return v
print(side(0) and side(1))
print(side(1) or side(2))
print(not side(0) or side(3))
