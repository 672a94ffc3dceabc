#!/usr/bin/env python3
"""Checks that scripts/symbol-order.txt still does its job for the optimised build in BIN.

Fails when fewer than MIN_PRESENT of the listed functions exist in the binaries (renamed or
removed code: regenerate with scripts/make_symbol_order.py), when the listed functions of
`gradscope` do not sit together at the start of its code (the link ignored the file), or when a
binary has no PRIVATE_SECTION (the link ignored scripts/private-functions.lds).

Usage: scripts/check_symbol_order.py [--warn-stale] [BIN]   (default: .build-perf/release)
--warn-stale only warns about missing functions (`make release`, which the demo and CI use, so
that code changes elsewhere do not stop them; `make bench`, where the figures count, fails).
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ORDER = os.path.join(ROOT, "scripts", "symbol-order.txt")
PRODUCTS = ["gradscope", "gradscope-bench"]
# Below this share of listed functions found, start-up code spreads out again (each missing
# function is code that now lies elsewhere) and the file should be regenerated.
MIN_PRESENT = 0.9
# The listed functions of `gradscope` must fill at least this share of the address range they
# span (the rest is alignment padding); the default layout spreads them over megabytes.
MIN_DENSITY = 0.8
# The output section scripts/private-functions.lds gathers the compiler's unnamed functions in.
PRIVATE_SECTION = ".text.private"


def functions(binary):
    """Function symbols with a size: name -> (address, size)."""
    out = subprocess.run(["nm", "--defined-only", "-S", binary], capture_output=True, text=True, check=True).stdout
    found = {}
    for line in out.splitlines():
        parts = line.split(None, 3)
        if len(parts) == 4 and parts[2] in "tTwW":
            found[parts[3]] = (int(parts[0], 16), int(parts[1], 16))
    return found


def has_section(binary, name):
    """Whether the ELF file `binary` has a section called `name`."""
    out = subprocess.run(["readelf", "-SW", binary], capture_output=True, text=True, check=True).stdout
    return any(line.split("]", 1)[-1].split()[:1] == [name] for line in out.splitlines() if "]" in line)


def main():
    args = sys.argv[1:]
    warn_stale = "--warn-stale" in args
    args = [a for a in args if a != "--warn-stale"]
    bin_dir = args[0] if args else os.path.join(ROOT, ".build-perf", "release")
    with open(ORDER) as f:
        listed = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    symbols = {product: functions(os.path.join(bin_dir, product)) for product in PRODUCTS}
    present = sum(1 for name in listed if any(name in s for s in symbols.values()))
    share = present / len(listed)
    print(f"symbol order: {present} of {len(listed)} listed functions present ({share:.0%})")
    failed = False
    if share < MIN_PRESENT:
        print(f"symbol order: fewer than {MIN_PRESENT:.0%} present; run `make symbol-order`", file=sys.stderr)
        failed = not warn_stale
    placed = [symbols["gradscope"][name] for name in listed if name in symbols["gradscope"]]
    span = max(a + s for a, s in placed) - min(a for a, _ in placed)
    density = sum(s for _, s in placed) / span
    print(f"symbol order: gradscope's {len(placed)} listed functions fill {density:.0%} of the {span // 1024} KB they span")
    if density < MIN_DENSITY:
        print(f"symbol order: below {MIN_DENSITY:.0%}: the link did not apply scripts/symbol-order.txt", file=sys.stderr)
        failed = True
    for product in PRODUCTS:
        if not has_section(os.path.join(bin_dir, product), PRIVATE_SECTION):
            print(f"symbol order: {product} has no {PRIVATE_SECTION}: the link did not apply scripts/private-functions.lds", file=sys.stderr)
            failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
