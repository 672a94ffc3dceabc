"""Writes what numpy computes for its SVML-backed float loops (power, exp, log, log2, log10, tan,
arctan) on a million generated inputs per case, for Tests/TorchBindingsTests/NumPyFloatLoopsTests.swift:

    OMP_NUM_THREADS=1 python make_expected.py > expected.json

Run it with numpy 2.4 on an x86-64 Linux machine with AVX-512 (AVX512F, CD, VL, BW, DQ), where
numpy takes its SVML loops. Inputs are not stored: each case names a seed and a recipe that the
Swift test replays (splitmix64 bits made into floats of random sign and mantissa with a binary
exponent drawn from [lo, hi]; special values first). Outputs are stored as an FNV-1a hash of
their bit patterns plus the first 24 of them.
"""
import json
import sys

import numpy as np

N = 1_000_000
MASK = (1 << 64) - 1
SPECIALS = [0.0, -0.0, 1.0, -1.0, float("inf"), -float("inf"), float("nan"), 2.0, 0.5, 3.0, -2.5,
            1e-310, 5e-324, 1.7976931348623157e308, -1e300, 0.1]


def splitmix64(seed, n):
    """splitmix64's outputs for states seed + k * golden, k = 1...n."""
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + np.arange(1, n + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def floats(seed, lo, hi, signed, dtype, integers=False):
    """N values: SPECIALS, then sign * (1 + mantissa) * 2**e from splitmix64 bits (the exponent
    e = lo + ((bits >> 52) & 0x7ff) % (hi - lo + 1), the sign bit 63 when `signed`); with
    `integers`, every fourth generated value truncated toward zero."""
    bits = splitmix64(seed, N)
    e = np.int64(lo) + ((bits >> np.uint64(52)) & np.uint64(0x7FF)).astype(np.int64) % (hi - lo + 1)
    sign = (bits >> np.uint64(63)) if signed else np.zeros(N, dtype=np.uint64)
    if dtype == np.float64:
        raw = (sign << np.uint64(63)) | ((e + 1023).astype(np.uint64) << np.uint64(52)) | (bits & np.uint64((1 << 52) - 1))
        v = raw.view(np.float64).copy()
    else:
        raw = (sign << np.uint64(31)) | ((e + 127).astype(np.uint64) << np.uint64(23)) | (bits & np.uint64((1 << 23) - 1))
        v = raw.astype(np.uint32).view(np.float32).copy()
    if integers:
        v[::4] = np.trunc(v[::4])
    v[: len(SPECIALS)] = np.array(SPECIALS).astype(dtype)
    return v


def fnv1a(values):
    """FNV-1a over the outputs' bit patterns, one 64-bit word per value (float32 zero-extended)."""
    words = values.view(np.uint64 if values.dtype == np.float64 else np.uint32).astype(np.uint64).tolist()
    h = 0xCBF29CE484222325
    for w in words:
        h = ((h ^ w) * 0x100000001B3) & MASK
    return "%016x" % h


def hexbits(values):
    width = 16 if values.dtype == np.float64 else 8
    return [("%0" + str(width) + "x") % w for w in values.view(np.uint64 if width == 16 else np.uint32).tolist()]


UNARY = {"exp": np.exp, "log": np.log, "log2": np.log2, "log10": np.log10, "tan": np.tan, "arctan": np.arctan}
# name: (seed, lo, hi, signed) per dtype; numpy runs float32 exp and log without SVML.
CASES = [
    ("exp", "float64", 11, -40, 10, True), ("log", "float64", 12, -1022, 1023, False),
    ("log2", "float64", 13, -1022, 1023, False), ("log10", "float64", 14, -1022, 1023, False),
    ("tan", "float64", 15, -30, 40, True), ("arctan", "float64", 16, -40, 60, True),
    ("log2", "float32", 17, -126, 127, False), ("log10", "float32", 18, -126, 127, False),
    ("tan", "float32", 19, -20, 30, True), ("arctan", "float32", 20, -30, 60, True),
]
POWER = [("float64", 21, (-12, 12), (-8, 7)), ("float32", 23, (-8, 8), (-6, 5))]


def record(out):
    return {"fnv1a": fnv1a(out), "first": hexbits(out[:24])}


def main():
    cases = []
    with np.errstate(all="ignore"):
        for name, dt, seed, lo, hi, signed in CASES:
            x = floats(seed, lo, hi, signed, np.dtype(dt).type)
            cases.append({"function": name, "dtype": dt, "seed": seed, "lo": lo, "hi": hi, "signed": signed,
                          **record(UNARY[name](x))})
        for dt, seed, (xlo, xhi), (ylo, yhi) in POWER:
            t = np.dtype(dt).type
            x = floats(seed, xlo, xhi, True, t)
            y = floats(seed + 1, ylo, yhi, True, t, integers=True)
            cases.append({"function": "power", "dtype": dt, "seed": seed, "lo": xlo, "hi": xhi, "signed": True,
                          "exponent": {"seed": seed + 1, "lo": ylo, "hi": yhi}, **record(np.power(x, y))})
    meta = {"numpy_version": np.__version__, "count": N, "specials": len(SPECIALS)}
    json.dump({"meta": meta, "cases": cases}, sys.stdout, indent=1)
    sys.stdout.write("\n")


main()
