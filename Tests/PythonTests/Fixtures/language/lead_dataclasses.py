# dataclasses as configuration objects in training scripts: defaults, default_factory, frozen and
# ordered classes, inheritance with __post_init__, asdict/astuple/replace, CPython's __init__ errors,
# and class-body annotations in __annotations__.
from dataclasses import dataclass, field, asdict, astuple, fields, replace
import dataclasses
@dataclass
class Config:
    lr: float = 0.1
    epochs: int = 3
    layers: list = field(default_factory=list)
c = Config(epochs=5)
print(c)
print(c == Config(epochs=5), c == Config())
print(asdict(c), astuple(c))
print([f.name for f in fields(c)])
print(replace(c, lr=0.5))
@dataclass(frozen=True, order=True)
class P:
    x: int
    y: int = 0
p = P(1, 2)
print(p, p < P(1, 3), hash(p) == hash(P(1, 2)))
try:
    p.x = 5
except dataclasses.FrozenInstanceError as e:
    print("frozen:", e)
for bad in [lambda: P(), lambda: P(1, 2, 3), lambda: P(1, z=2), lambda: P(1, x=2)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
@dataclass
class Q:
    a: int
    b: int
    c: int
try:
    Q()
except TypeError as e:
    print(e)
try:
    @dataclass
    class R:
        a: list = []
except ValueError as e:
    print(e)
@dataclass
class S(Config):
    name: str = "s"
    def __post_init__(self):
        self.total = self.epochs * 2
s = S(name="x")
print(s, s.total, vars(s))
print(dataclasses.is_dataclass(s), dataclasses.is_dataclass(1))
class Plain: pass
print(Plain.__annotations__)
class T:
    x: int
    y: str = "a"
print(T.__annotations__)
try:
    hash(c)
except TypeError as e:
    print(e)
