"""The user's source line: the innermost calling frame outside torch, the standard library and this package."""
import os
import sys

import torch

_LIBRARY_DIRS = tuple(
    os.path.dirname(m.__file__) + os.sep for m in (torch, os, sys.modules[__package__])
)
# id(code object) -> (code object, whether it is the user's). Keyed by id because a code
# object's own hash digests its bytecode and constants; the object is kept so the id stays its.
_is_user = {}


def user_frame():
    """The innermost frame running the user's code, or None."""
    f = sys._getframe(1)
    while f is not None:
        code = f.f_code
        known = _is_user.get(id(code))
        if known is None or known[0] is not code:
            name = code.co_filename
            known = _is_user[id(code)] = (code, not (name.startswith(_LIBRARY_DIRS) or name.startswith("<")))
        if known[1]:
            return f
        f = f.f_back
    return None


def user_line():
    """The line the user's code is running (0 when no user frame is on the stack)."""
    f = user_frame()
    return f.f_lineno if f is not None else 0
