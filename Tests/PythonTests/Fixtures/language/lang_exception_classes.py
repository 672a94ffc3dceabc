class AppError(Exception):
    """Base error of the app."""


class CodeError(AppError):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code

    def __str__(self):
        return f"[{self.code}] {self.args[0]}"


class Quiet(ValueError):
    pass


class WithRepr(Exception):
    def __init__(self, value):
        super().__init__(value, "extra")
        self.value = value

    def describe(self):
        return "value=" + repr(self.value)


try:
    raise CodeError("bad thing", 42)
except AppError as e:
    print(type(e).__name__, e.code, str(e), repr(e), e.args)
    print(isinstance(e, CodeError), isinstance(e, AppError), isinstance(e, Exception), isinstance(e, ValueError))

try:
    raise Quiet("shh")
except ValueError as e:
    print("caught", repr(e), str(e), type(e).__name__, e.args)

w = WithRepr(3)
print(w.describe(), w.args, str(w), repr(w), w.value)
print(issubclass(CodeError, AppError), issubclass(CodeError, Exception), issubclass(Quiet, AppError))
print(CodeError.__name__, CodeError, Quiet)

errors = []
for i in range(3):
    try:
        if i == 0:
            raise CodeError("first", i)
        elif i == 1:
            raise Quiet(i)
        else:
            raise AppError("plain", i)
    except (CodeError, Quiet) as e:
        errors.append(("specific", str(e)))
    except AppError as e:
        errors.append(("base", str(e), e.args))
print(errors)


class Counted(Exception):
    count = 0

    def __init__(self, *args):
        super().__init__(*args)
        Counted.count += 1


try:
    raise Counted
except Counted as e:
    print("bare raise of class:", repr(e), Counted.count)

e = CodeError("unused", 7)
e.note = "attached"
print(e.note, e.code)


def fail():
    raise CodeError("deep failure", 500)


fail()
