l = [3, 1, 2]
l.append(4)
l.extend([5, 6])
l.insert(0, 0)
print(l, len(l))
print(l.pop(), l.pop(0), l)
l.remove(2)
print(l, l.index(4), l.count(1))
l.sort()
print(l)
l.sort(reverse=True)
print(l)
l.reverse()
print(l)
print(sorted([3, 1, 2]), sorted("cab"), sorted([3, 1, 2], reverse=True))
print(l[1:3], l[:-1], l[::-1], l[5:], l[-2:])
l[0] = 100
print(l)
m = l.copy()
m.clear()
print(m, l)
print([1, 2] + [3], [0] * 3, [[0] * 2] * 2)
print(sum([1, 2, 3]), sum([0.5, 0.25]), sum([[1], [2]], []))
print(list(reversed([1, 2, 3])), list(zip([1, 2, 3], "ab")), list(enumerate("ab", 1)))
print(any([0, 0, 1]), all([1, 1, 0]), any([]), all([]))
nested = [[1, 2], [3, 4]]
print(nested[1][0], [x for row in nested for x in row])
try:
    l.index(999)
except ValueError as e:
    print(type(e).__name__, e)
try:
    [].pop()
except IndexError as e:
    print(type(e).__name__, e)
try:
    l[10] = 1
except IndexError as e:
    print(type(e).__name__, e)
