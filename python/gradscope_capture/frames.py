"""The user's source line: the innermost calling frame outside torch, the standard library and this package."""
import os
import sys

import torch

_LIBRARY_DIRS = tuple(
    os.path.dirname(m.__file__) + os.sep for m in (torch, os, sys.modules[__package__])
)
_is_user = {}


def user_frame():
    """The innermost frame running the user's code, or None."""
    f = sys._getframe(1)
    while f is not None:
        code = f.f_code
        user = _is_user.get(code)
        if user is None:
            name = code.co_filename
            user = not (name.startswith(_LIBRARY_DIRS) or name.startswith("<"))
            _is_user[code] = user
        if user:
            return f
        f = f.f_back
    return None


def user_line():
    """The line the user's code is running (0 when no user frame is on the stack)."""
    f = user_frame()
    return f.f_lineno if f is not None else 0
