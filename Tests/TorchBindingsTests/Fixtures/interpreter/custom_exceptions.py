class MyError(Exception):
    pass
class Sub(MyError):
    pass
try:
    raise Sub("boom")
except MyError as e:
    print(type(e).__name__, e, isinstance(e, MyError), isinstance(e, Exception))
try:
    raise MyError
except Exception as e:
    print(repr(e))
e = ValueError("v")
print(type(e).__name__, str(e), e.args)
print(issubclass(KeyError, LookupError) if False else "skip")
try:
    assert 1 == 2, "math broke"
except AssertionError as e:
    print(type(e).__name__, e)
try:
    assert False
except AssertionError as e:
    print(repr(e))
