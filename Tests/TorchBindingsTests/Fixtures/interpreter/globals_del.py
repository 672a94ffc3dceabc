total = 0
def bump(n):
    global total
    total += n
bump(3)
bump(4)
print(total)
x = 10
def read():
    return x
print(read())
def shadow():
    x = 5
    return x
print(shadow(), x)
y = 1
del y
try:
    print(y)
except NameError as e:
    print(type(e).__name__, e)
l = [1, 2, 3, 4]
del l[0]
del l[-1]
print(l)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print(type(e).__name__, e)
a, b = 1, 2
del a, b
print("done")
