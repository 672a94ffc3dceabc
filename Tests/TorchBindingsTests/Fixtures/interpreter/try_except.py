def risky(n):
    if n == 0:
        raise ValueError("zero")
    if n == 1:
        raise KeyError("one")
    return n
for n in range(3):
    try:
        print(risky(n))
    except ValueError as e:
        print("value", e)
    except (KeyError, IndexError) as e:
        print("lookup", e, repr(e))
    else:
        print("else")
    finally:
        print("finally", n)
try:
    try:
        raise RuntimeError("inner")
    finally:
        print("cleanup")
except RuntimeError as e:
    print("outer caught", e)
try:
    [][1]
except IndexError as e:
    print(type(e).__name__, e)
try:
    {}["x"]
except KeyError as e:
    print(type(e).__name__, e, e.args)
try:
    1 / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    1 // 0
except ArithmeticError as e:
    print(type(e).__name__, e)
try:
    undefined_name
except NameError as e:
    print(type(e).__name__, e)
try:
    None.foo
except AttributeError as e:
    print(type(e).__name__, e)
try:
    raise Exception("a", 1)
except Exception as e:
    print(e, e.args, repr(e))
try:
    raise TypeError
except TypeError as e:
    print(repr(e), str(e) == "")
def f():
    try:
        return "try"
    finally:
        print("finally runs")
print(f())
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            print("body", i)
        finally:
            print("fin", i)
g()
try:
    try:
        raise ValueError("x")
    except ValueError:
        raise
except ValueError as e:
    print("reraised", e)
try:
    int("abc")
except ValueError as e:
    print(e)
try:
    float("abc")
except ValueError as e:
    print(e)
