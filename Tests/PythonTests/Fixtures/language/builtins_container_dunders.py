# Bound dunder methods of builtin containers, as callbacks use them (a forward hook storing
# activations with `acts.__setitem__`).
acts = {}
store = acts.__setitem__
store("a", 1)
store("b", [2, 3])
print(acts, acts.__getitem__("b"), acts.__contains__("a"), acts.__len__())
items = [1, 2, 3]
items.__setitem__(0, 9)
print(items, items.__getitem__(-1), items.__contains__(9), items.__len__())
print("abc".__getitem__(1), "abc".__contains__("bc"), "abc".__len__(), (4, 5).__getitem__(0), (4, 5).__len__())
list(map(acts.__setitem__, ["x", "y"], [7, 8]))
print(sorted(acts.items()))
try:
    acts.__getitem__("missing")
except KeyError as e:
    print("KeyError", e)
try:
    items.__setitem__(10, 1)
except IndexError as e:
    print("IndexError", e)
