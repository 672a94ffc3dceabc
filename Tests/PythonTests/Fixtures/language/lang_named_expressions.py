# The walrus operator (PEP 572) where real programs use it: loop and if conditions,
# comprehension filters (binding in the enclosing scope), call arguments and displays.
data = [3, 8, 1, 9, 4]
i = 0
while (n := len(data) - i) > 2:
    i += 1
print(i, n)
if (m := max(data)) > 5:
    print("max", m)
squares = [y for x in data if (y := x * x) > 10]
print(squares, y)


def first_big(values, limit):
    found = [v for v in values if (last := v) > limit]
    return found, last


print(first_big(data, 4))
print(total := sum(data), total)
pair = [z := 2, z * 3]
print(pair, {w := 7, w + 1})
counts = {}
for word in "a b a c b a".split():
    if (c := counts.get(word)) is not None:
        counts[word] = c + 1
    else:
        counts[word] = 1
print(counts)


it = iter(["x", "y"])
while (chunk := next(it, None)) is not None:
    print("got", chunk)
print([(k, v) for k in range(3) if (v := k * 10) or k == 0])
