# sys.exit with a message: printed to stderr without a traceback, exit status 1; `except
# Exception` does not catch it, `finally` runs.
import sys

try:
    try:
        sys.exit("stopping: loss is NaN")
    except Exception:
        print("not caught here")
finally:
    print("cleanup")
print("not reached")
