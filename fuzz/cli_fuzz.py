#!/usr/bin/env python3
"""Runs the gradscope binary on generated hostile inputs and fails on a crash, a hang or an unclear
error. Reproducible: the same --seed and --count give the same cases.

    python3 fuzz/cli_fuzz.py BINARY [--seed 1] [--count 200] [--keep DIR]

Each case runs under `--max-memory 64M --timeout 2` and must end within 8 s of wall time with
exit status 0, 1 or 2 and no signal. Scripts: a status 1 must print a Python-style
`Name: message` (or a bare `Name`) line. JSON dumps (`render FILE.json`): status 0, or 2 with a
`gradscope: FILE.json: ...` line. Script cases are the tensor programs of generate.py mixed with
the issue-14 constructs (integer extremes, self-references, huge repetition counts, deep and long
nesting); JSON cases are mutations of a real dump (ids out of range, wrong types, huge and
negative numbers, lone surrogates, deep nesting, cycles, truncation).
"""
import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate  # noqa: E402

LIMITS = ["--max-memory", "64M", "--timeout", "2"]
WALL_LIMIT = 8.0
PYTHON_ERROR = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*(: .*)?$")

INTS = ["0", "-1", "2**63-1", "-2**63", "2**62", "10**18", "2**31", "-(2**63-1)-1"]
HUGE = ["10**6", "10**7", "10**9", "2**40", "2**62"]


def deep_construct(r):
    """A flat-but-deep or nested construct at a length around or far past CPython's limits."""
    n = r.choice([10, 199, 201, 2990, 3000, 3010, 20000, 200000])
    kind = r.randrange(9)
    if kind == 0:
        return "x = 0\nif x == 1:\n    pass\n" + "".join("elif x == %d:\n    pass\n" % i for i in range(n)) + "print(x)\n"
    if kind == 1:
        return "x = " + "+".join(["1"] * n) + "\nprint(x)\n"
    if kind == 2:
        return "class A:\n    pass\na = A()\na.a = a\nx = " + ".".join(["a"] * n) + "\nprint(type(x).__name__)\n"
    if kind == 3:
        return "x = " + "(" * n + "1" + ")" * n + "\n"
    if kind == 4:
        return "x = " + "lambda: " * min(n, 5000) + "1\n"
    if kind == 5:
        return "x = " + " < ".join(["1"] * n) + "\nprint(x)\n"
    if kind == 6:
        return "x = " + "not " * n + "1\nprint(x)\n"
    if kind == 7:
        return "a = []\nfor i in range(%d):\n    a = [a]\nprint(len(repr(a)) > 0, a == a)\n" % n
    return "x = [" * min(n, 400) + "]" * min(n, 400) + "\n"


def hostile_statement(r):
    """One of issue 14's attacks, with randomly chosen sizes."""
    kind = r.randrange(12)
    if kind == 0:
        return "a = %s\nprint(a // -1, a %% -1, abs(a), divmod(a, -1))\n" % r.choice(INTS)
    if kind == 1:
        return "a = []\na.append(a)\nprint(a, a == a, sorted([a]) == [a], f'{a}')\n"
    if kind == 2:
        return "d = {}\nd[1] = d\nprint(d, d == d)\n"
    if kind == 3:
        return "s = [0] * %s\nfor i in range(8):\n    s = s + s\n" % r.choice(["10", "1000", "10**6"])
    if kind == 4:
        return "s = 'ab' * %s\nfor i in range(12):\n    s = s.replace('a', 'aa')\n" % r.choice(["1", "1000", "10**6"])
    if kind == 5:
        return "x = '1'.zfill(%s)\n" % r.choice(HUGE)
    if kind == 6:
        return "x = torch.zeros(0, %s, %s).sum(0)\n" % (r.choice(HUGE), r.choice(HUGE))
    if kind == 7:
        return "x = torch.arange(5)[1:3:%s]\nprint(x)\n" % r.choice(INTS)
    if kind == 8:
        return "print(list(enumerate('ab', %s)))\n" % r.choice(INTS)
    if kind == 9:
        return "x = (',' * %s).split(',')\nprint(len(x))\n" % r.choice(["10", "10**5", "4 * 10**6"])
    if kind == 10:
        return "x = ('a' * %s + 'b') in ('a' * %s)\nprint(x)\n" % (r.choice(["10", "20000"]), r.choice(["100", "200000"]))
    return "x = torch.ones(%s, %s)\ny = x @ x\n" % (r.choice(["2", "500", "16000"]), r.choice(["2", "500", "16000"]))


def script_case(r):
    choice = r.random()
    if choice < 0.3:
        return deep_construct(r)
    if choice < 0.6:
        return "import torch\n" + "".join(hostile_statement(r) for _ in range(r.randrange(1, 3)))
    return generate.program(r)


def mutate_json(r, document):
    """A copy of a real dump (as text) with one hostile change."""
    doc = json.loads(json.dumps(document))
    kind = r.randrange(12)
    records = [k for k in ("tensors", "ops", "nodes", "regions", "backward_passes") if doc.get(k)]
    if kind == 0:
        return "{" * r.choice([100, 600, 100000]) + "}" * r.choice([0, 100])
    if kind == 1:
        return '{"schema": "\\ud800\\u0041", "tensors": []}'
    if kind == 2:
        return json.dumps(doc)[: r.randrange(1, len(json.dumps(doc)))]
    if not records:
        return json.dumps(doc)
    table = doc[r.choice(records)]
    record = r.choice(table)
    key = r.choice(sorted(record))
    if kind == 3:
        record[key] = r.choice([-1, -2**63, 2**31, 2**32 + 1, 2**63 - 1, 10**30])
    elif kind == 4:
        record[key] = r.choice(["nan", None, "x", [], {}, 1.5, True])
    elif kind == 5:
        del record[key]
    elif kind == 6 and "shape" in record:
        record["shape"] = r.choice([[-1], [2**31] * 3, [2**62, 2**62, 0], [0, 2**40, 2**40], [1] * 100])
    elif kind == 7:
        record["id"] = 0
    elif kind == 8 and doc.get("regions"):
        doc["regions"][0]["parent"] = len(doc["regions"]) - 1
    elif kind == 9 and doc.get("nodes"):
        doc["nodes"][0]["next"] = [[r.choice([-1, 0, 2**31, None]), r.choice([-1, 0, 2**40])]]
    elif kind == 10:
        table.extend([record] * r.choice([1, 1000]))
    else:
        doc["schema"] = r.choice(["gradscope.graph/3", "", 7])
    return json.dumps(doc)


def run(binary, arguments, cwd):
    start = time.monotonic()
    try:
        p = subprocess.run([binary] + arguments, cwd=cwd, capture_output=True, timeout=WALL_LIMIT + 30)
    except subprocess.TimeoutExpired:
        return None, "", time.monotonic() - start
    return p.returncode, p.stderr.decode("utf-8", "replace"), time.monotonic() - start


def problem(status, stderr, seconds, is_json):
    """What is wrong with one run's ending, or None."""
    if status is None or seconds > WALL_LIMIT:
        return "hang: %.1f s" % seconds
    if status < 0:
        return "killed by signal %d" % -status
    if status not in (0, 1, 2):
        return "exit status %d" % status
    lines = [line for line in stderr.splitlines() if line.strip()]
    last = lines[-1] if lines else ""
    if is_json:
        if status == 1 or (status == 2 and not last.startswith("gradscope: ")):
            return "unclear JSON error (status %d): %s" % (status, last[:200])
    elif status == 1 and not any(PYTHON_ERROR.match(line) for line in lines):
        return "unclear error: %s" % last[:200]
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--keep", help="copy failing cases into this directory")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    r = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="gradscope-fuzz-")
    findings = []
    counts = {0: 0, 1: 0, 2: 0}
    try:
        with open(os.path.join(work, "base.py"), "w") as f:
            f.write("import torch\nx = torch.ones(2, 3, requires_grad=True)\nwith torch.no_grad():\n    c = x * 2\n"
                    "y = (x * 3).exp().sum()\nz = y.detach()\ny.backward(retain_graph=True)\ny.backward()\n")
        dump = subprocess.run([binary, "dump", "base.py", "--format", "json"], cwd=work, capture_output=True)
        document = json.loads(dump.stdout)
        for i in range(args.count):
            is_json = r.random() < 0.3
            name = "case_%05d.%s" % (i, "json" if is_json else "py")
            text = mutate_json(r, document) if is_json else script_case(r)
            with open(os.path.join(work, name), "w") as f:
                f.write(text)
            arguments = ["render", name, "-o", "out.svg"] if is_json else ["run", name]
            status, stderr, seconds = run(binary, arguments + LIMITS, work)
            counts[status] = counts.get(status, 0) + 1
            found = problem(status, stderr, seconds, is_json)
            if found:
                findings.append((name, found))
                print("FINDING %s: %s" % (name, found), file=sys.stderr)
                if args.keep:
                    os.makedirs(args.keep, exist_ok=True)
                    shutil.copy(os.path.join(work, name), args.keep)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("cli_fuzz: seed %d, %d cases, exit statuses %s, %d findings"
          % (args.seed, args.count, dict(sorted((k, v) for k, v in counts.items() if k is not None)), len(findings)))
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
