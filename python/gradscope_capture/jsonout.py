"""Deterministic JSON in GradScope's form: keys in insertion order, no spaces, integral numbers
as integers, other floats in shortest round-trip form, NaN and infinities as strings. Floats
(only gradient summaries have them) are converted with `number` when they are recorded."""
import json


def number(x):
    """What GradScope writes for the number `x`: an int when integral, "nan"/"inf"/"-inf", else `x`."""
    try:
        whole = int(x)
    except ValueError:
        return "nan"
    except OverflowError:
        return "inf" if x > 0 else "-inf"
    return whole if whole == x and -(2**53) < whole < 2**53 else x


def dumps(value):
    """`value` (dicts, lists, strings, numbers already passed through `number`, bools, None) as
    compact JSON text."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
