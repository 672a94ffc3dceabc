s = {3, 1, 2}
s.add(4)
s.discard(10)
print(len(s), 2 in s, 9 in s, sorted(s), sorted(s | {9}), sorted(s & {1, 9}), sorted(s - {1}), sorted(s ^ {1, 7}))
t = set([1, 1, 2])
print(t, set(), frozenset([5]), frozenset(), {x % 3 for x in range(10)}, t == {2, 1}, t <= s, s > t, type(t).__name__)
t.update([7, 8])
t.remove(7)
print(sorted(t), sorted(t.union({0})), t.issubset(s), {1}.isdisjoint({2}), isinstance(t, set))
try:
    t.remove(99)
except KeyError as e:
    print("KeyError:", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
print(slice(1, 5).stop, [0, 1, 2, 3, 4, 5][slice(1, None, 2)], isinstance(slice(2), slice))
print(list(map(lambda a, b: a * b, [1, 2], [3, 4])), list(filter(None, [0, 1, 2])), list(reversed([1, 2, 3])))
z = zip([1, 2], "ab")
print(list(z), list(z), type(z).__name__, list(enumerate("ab", 1)))
print(callable(print), hash(1.0) == hash(1), hash(-1), hash((1, 2)) == hash((1, 2)))
nums = iter(range(3))
print(next(nums), list(nums))
print(sum(1 for _ in range(5)), max(range(4), key=lambda v: -v), min([3, 1, 2], default=0))
from collections import OrderedDict
d = {"a": 1, "b": 2}
ks = d.keys()
d["c"] = 3
print(ks, d.values(), d.items(), OrderedDict(a=1).keys(), OrderedDict(a=1).items(), "a" in ks, ("b", 2) in d.items(), len(ks))
print(list(d.items()), sorted(d.values(), reverse=True), [k for k, v in d.items() if v > 1], bool({}.keys()))
