t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], len(t), t.count(2), t.index(3))
print((1,), (), tuple([1, 2]), tuple("ab"))
print(t + (4,), t * 2)
d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0))
print(list(d.keys()), list(d.values()), list(d.items()))
for k, v in d.items():
    print(k, v)
print("a" in d, "z" not in d)
print(d.pop("a"), d)
d.update({"x": 9})
print(d)
print(dict(a=1, b=2), dict([("k", "v")]))
print({1: "int", 2.5: "float", (1, 2): "tuple", None: "none", True: "bool"})
d2 = {}
d2.setdefault("list", []).append(1)
print(d2)
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    {[1]: 2}
except TypeError as e:
    print(type(e).__name__, e)
print({1: 1} == {1: 1}, (1, 2) == (1, 2), (1, 2) == [1, 2])
