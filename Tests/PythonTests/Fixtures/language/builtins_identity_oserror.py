# id() tells mutable containers apart, OSError's family and aliases, a class body's __module__,
# and type() of collections' dict flavours.
import collections

a, b = [1], [1]
d = {"a": a}
print(id(a) == id(a), id(a) == id(b), id(a) == id(d), id(d) == id({"a": a}))
memo = {id(a): "a", id(b): "b"}
print(len(memo), memo[id(b)])
print(IOError is OSError, EnvironmentError is OSError, issubclass(FileNotFoundError, OSError))
try:
    raise FileNotFoundError("[Errno 2] No such file or directory: 'x.pt'")
except OSError as e:
    print(type(e).__name__, e)


class Pickled(Exception):
    __module__ = "_pickle"


print(Pickled.__module__, type(Pickled("m")).__module__)
print(type(collections.OrderedDict()) is collections.OrderedDict, type(collections.Counter()))
print(type(collections.defaultdict(int)), type({}))
raise Pickled("last")
