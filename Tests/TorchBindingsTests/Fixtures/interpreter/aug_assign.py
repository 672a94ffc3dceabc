x = 5
x += 2
x -= 1
x *= 3
print(x)
x //= 4
print(x)
x **= 3
print(x)
x %= 7
print(x)
x /= 2
print(x)
s = "ab"
s += "cd"
s *= 2
print(s)
l = [1]
l2 = l
l += [2, 3]
print(l, l2, l is l2)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
d = {"a": 1}
d["a"] += 10
print(d)
l[0] -= 5
print(l)
