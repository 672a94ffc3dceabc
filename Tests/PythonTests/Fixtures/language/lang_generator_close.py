class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("open", self.name)
        return self

    def __exit__(self, kind, value, tb):
        print("close", self.name, kind.__name__ if kind else None)
        return False


def counter(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("counter finally", n)


def reader(name):
    with Resource(name):
        yield 1
        yield 2


for x in counter(5):
    if x == 2:
        break
print("after break")

g = counter(3)
print(next(g))
g.close()
print("after close", list(g))

r = reader("a")
print(next(r))
r.close()
print("closed reader")

for v in reader("b"):
    print("got", v)
    break
print("after reader loop")


def watcher():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit seen")
        raise


w = watcher()
next(w)
w.close()
w.close()
print("closed twice")


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)


def first_of(items):
    for item in counter(items):
        return item


print("first", first_of(4))
print(list(counter(2)))
unstarted = counter(7)
unstarted.close()
print("unstarted closed")


def run_scoped():
    local = counter(9)
    print("local", next(local))
    print("leaving")


run_scoped()
print("after scoped")
kept = counter(11)
next(kept)
print("end of script")
