for i in range(5):
    if i == 1:
        continue
    if i == 4:
        break
    print("i", i)
else:
    print("no break")
for i in range(3):
    pass
else:
    print("loop done", i)
n = 0
while n < 3:
    n += 1
    if n == 10:
        break
else:
    print("while else", n)
while True:
    n -= 1
    if n == 0:
        break
print(n)
for x in [10, 20]:
    for y in (1, 2):
        if y == 2:
            break
        print(x, y)
if 0:
    print("a")
elif []:
    print("b")
elif "x":
    print("c")
else:
    print("d")
for c in "hi":
    print(c)
for k in {"a": 1, "b": 2}:
    print(k)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
for i in range(10, 0, -3):
    print(i, end=" ")
print()
print(list(range(0)), list(range(2, 8, 2)), list(range(5, 0, -2)), len(range(1, 10, 3)))
print(range(3), range(1, 5, 2))
