# Non-integer subscripts and integer arguments: CPython's TypeError texts.
from collections import deque

s, k, f, n = "abc", "x", 1.5, None
l, t, r = [1, 2], (1, 2), range(3)
q = deque([1, 2])


def attempt(label, fn):
    try:
        print(label, fn())
    except Exception as ex:
        print(label, type(ex).__name__, ex)


attempt("str[str]", lambda: s[k])
attempt("str[float]", lambda: s[f])
attempt("str[list]", lambda: s[l])
attempt("str[bool]", lambda: s[True])
attempt("list[str]", lambda: l[k])
attempt("tuple[None]", lambda: t[n])
attempt("range[str]", lambda: r[k])
attempt("deque[str]", lambda: q[k])
attempt("slice bound", lambda: l[k:])
attempt("slice step", lambda: s[::f])
attempt("split maxsplit", lambda: "a b".split(" ", k))
attempt("replace count", lambda: "aab".replace("a", "b", k))
attempt("zfill", lambda: "7".zfill(k))
attempt("center", lambda: "7".center(f))
attempt("range arg", lambda: range(k))
attempt("enumerate start", lambda: list(enumerate(l, f)))
attempt("list.pop", lambda: l.pop(k))
attempt("list.insert", lambda: l.insert(f, 0))


def assign():
    m = [1, 2]
    m[k] = 3


def delete():
    m = [1, 2]
    del m[f]


attempt("list assign", assign)
attempt("list del", delete)
attempt("ok", lambda: (s[1], l[-1], r[True], "a b c".split(" ", 1), "7".zfill(3)))
