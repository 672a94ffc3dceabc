#!/usr/bin/env python3
"""Runs every reproducer of issue 14 through a gradscope binary under `--max-memory 64M
--timeout 2` and prints docs/limits-audit.md's table: exit status, wall seconds and peak resident
size (`/usr/bin/time -f "%e %M"`), the last stderr line, and the regression test covering it.

    python3 scripts/limits_audit.py BINARY [--baseline-mb 40] [--only SUBSTRING]

A row fails (and the exit status is 1) when the run is killed by a signal, exits other than
0/1/2, takes over 5 s, peaks above 64 MB + 16 MB (the watchdog's allowance) + the baseline, ends
status 1 without a Python-style last line (a `gradscope: FILE: ...` line with status 2 for graph
dumps), or writes an SVG that is not well-formed XML.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.dom.minidom

LIMITS = ["--max-memory", "64M", "--timeout", "2"]
WALL_LIMIT = 5.0
PYTHON_ERROR = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*(: .*)?$")
M = "M = (2**62 - 1) + 2**62\n"

DUMP_HEAD = '{"schema":"gradscope.graph/2",'
EMPTY_REST = '"regions":[],"detaches":[],"backward_passes":[],"grad_reads":[],"error":null}'
TENSOR = ('{"id":0,"names":[],"shape":SHAPE,"dtype":"torch.float32","requires_grad":false,"is_leaf":true,'
          '"version":0,"source":"factory","factory":"ones","producer":null,"detach":null,"line":1,"region":null,'
          '"grad_fn":null,"accumulate_grad":null,"pass":null}')
NODE = '{"id":0,"name":"A","line":1,"op":null,"next":[[0,-1]],"saved":[],"variable":null,"pass":null}'


def dump_with_shape(shape):
    return DUMP_HEAD + '"tensors":[' + TENSOR.replace("SHAPE", shape) + '],"ops":[],"nodes":[],' + EMPTY_REST


def bad_message(text):
    return ("import torch\nx = torch.ones(2, requires_grad=True)\ny = (x * 2).sum()\n"
            "raise ValueError(\"bad %s value\")\n" % text)


# (reproducer as the issue words it, command, file name, file text, stdin, regression test)
CASES = [
    ("list doubling `s = s + s`", "run", "t.py", "s = [0] * 10**6\nfor i in range(6):\n    s = s + s\n", None,
     "LimitAttackTests.endsAtALimit(list doubling)"),
    ("list doubling `s += s`", "run", "t.py", "s = [0] * 10**6\nfor i in range(6):\n    s += s\n", None,
     "LimitAttackTests.endsAtALimit(list +=)"),
    ("list doubling `s.extend(s)`", "run", "t.py", "s = [0] * 10**6\nfor i in range(6):\n    s.extend(s)\n", None,
     "LimitAttackTests.endsAtALimit(list extend)"),
    ("60x `L.append([0]*10**6)`", "run", "t.py", "L = []\nfor i in range(60):\n    L.append([0] * 10**6)\n", None,
     "LimitAttackTests.endsAtALimit(append of big lists)"),
    ("string doubling", "run", "t.py", "s = 'a' * 10**6\nfor i in range(12):\n    s = s + s\n", None,
     "LimitAttackTests.endsAtALimit(string doubling)"),
    ("`str.replace` growth", "run", "t.py", "s = 'ab' * 10**6\nfor i in range(12):\n    s = s.replace('a', 'aa')\n",
     None, "LimitAttackTests.endsAtALimit(replace growth)"),
    ("`torch.ones(15_000_000).tolist()`", "run", "t.py", "import torch\nx = torch.ones(15_000_000).tolist()\n", None,
     "LimitAttackTests.endsAtALimit(tolist)"),
    ("3M `y = y * 1.0` autograd chain", "run", "t.py",
     "import torch\ny = torch.ones(1, requires_grad=True)\nfor i in range(3000000):\n    y = y * 1.0\n", None,
     "LimitAttackTests.endsAtALimit(autograd chain)"),
    ("`torch.zeros(0,20000,20000).sum(0)`", "run", "t.py", "import torch\nx = torch.zeros(0, 20000, 20000).sum(0)\n",
     None, "LimitAttackTests.endsAtALimit(reduction output)"),
    ("3M-line script", "run", "t.py", "x = 1\n" * 3_000_000, None,
     "LimitAttackTests.aHugeScriptStaysWithinTheMemoryBudget"),
    ("`dump` of a 200k-iteration loop", "dump", "t.py",
     "import torch\nx = torch.ones(3, requires_grad=True)\nfor i in range(200000):\n    y = (x * 2).sum()\n", None,
     "LimitAttackTests.dumpOfALongLoopStopsAtTheLimit"),
    ("`(\"a\"*20000+\"b\") in (\"a\"*200000)`", "run", "t.py",
     "print(('a' * 20000 + 'b') in ('a' * 200000))\n", None, "AttackRegressionTests.runsToTheEnd(5)"),
    ("the same with `find` and `count`", "run", "t.py",
     "s = 'a' * 200000\nt = 'a' * 20000 + 'b'\nprint(s.find(t), s.count(t))\n", None,
     "AttackRegressionTests.timeLimitFiresInsideTheBuiltin"),
    ("`(\",\"*4000000).split(\",\")`", "run", "t.py", "x = (',' * 4000000).split(',')\n", None,
     "LimitAttackTests.endsAtALimit(split)"),
    ("`\"1\".zfill(10**9)`", "run", "t.py", "x = '1'.zfill(10**9)\n", None, "LimitAttackTests.endsAtALimit(zfill)"),
    ("`torch.ones(16000,16000) @ same`", "run", "t.py", "import torch\nx = torch.ones(16000, 16000)\ny = x @ x\n", None,
     "LimitAttackTests.endsAtALimit(matmul)"),
    ("compare 1M-deep nested lists", "run", "t.py",
     "a = []\nb = []\nfor i in range(1000000):\n    a = [a]\n    b = [b]\nprint(a == b)\n", None,
     "LimitAttackTests.deepStructuresDoNotCrash(compare)"),
    ("print a 1M-deep nested list", "run", "t.py", "a = []\nfor i in range(1000000):\n    a = [a]\nprint(a)\n", None,
     "LimitAttackTests.deepStructuresDoNotCrash(print)"),
    ("`torch.tensor` of a 1M-deep nested list", "run", "t.py",
     "import torch\na = []\nfor i in range(1000000):\n    a = [a]\ntorch.tensor(a)\n", None,
     "LimitAttackTests.deepStructuresDoNotCrash(torch.tensor)"),
    ("25 iterations of a long `find`", "run", "t.py",
     "s = 'a' * 10**7\nt = 'a' * 10**6 + 'b'\nfor i in range(25):\n    s.find(t)\n", None,
     "LimitAttackTests.endsAtALimit(repeated find)"),
    ("1M adjacent string literals", "run", "t.py", "x = (" + "'a' " * 1_000_000 + ")\n", None,
     "LimitAttackTests.endsAtALimit(1M adjacent literals)"),
    ("`render` of `ValueError(\"A\"*12000000)`", "render", "t.py", bad_message("\" + \"A\" * 12000000 + \""), None,
     "LimitAttackTests.errorTextNeverSpoilsThePicture"),
    ("`(-2**63)//-1`", "run", "t.py", M + "print((-M - 1) // -1)\n", None, "AttackRegressionTests.endsInACleanError(0)"),
    ("`(-2**63)%-1`", "run", "t.py", M + "print((-M - 1) % -1)\n", None, "AttackRegressionTests.runsToTheEnd(2)"),
    ("`divmod(-2**63, -1)`", "run", "t.py", M + "print(divmod(-M - 1, -1))\n", None,
     "AttackRegressionTests.endsInACleanError(1)"),
    ("`abs(-2**63)`", "run", "t.py", M + "print(abs(-M - 1))\n", None, "AttackRegressionTests.endsInACleanError(2)"),
    ("`enumerate(x, 2**63-1)`", "run", "t.py", M + "print(list(enumerate('ab', M)))\n", None,
     "AttackRegressionTests.endsInACleanError(4)"),
    ("`torch.arange(5)[1:3:2**63-1]` read", "run", "t.py", M + "import torch\nprint(torch.arange(5)[1:3:M])\n", None,
     "AttackRegressionTests.runsToTheEnd(0)"),
    ("`torch.arange(5)[1:3:2**63-1]` assigned", "run", "t.py",
     M + "import torch\nx = torch.arange(5)\nx[1:3:M] = 0\nprint(x)\n", None, "AttackRegressionTests.runsToTheEnd(1)"),
    ("`torch.zeros(0, 2**40, 2**40)`", "run", "t.py", "import torch\nx = torch.zeros(0, 2**40, 2**40)\n", None,
     "AttackRegressionTests.endsInACleanError(5)"),
    ("`F.nll_loss(..., torch.tensor([2**63-1]))`", "run", "t.py",
     M + "import torch\nimport torch.nn.functional as F\nF.nll_loss(torch.zeros(1, 3), torch.tensor([M]))\n", None,
     "AttackRegressionTests.endsInACleanError(6)"),
    ("debugger `p abs(-2**63)`", "debug", "t.py", "x = 1\n", "p abs(-2**63)\nq\n",
     "DebuggerTests.printingAnOverflowIsAnError"),
    ("`torch.zeros(0,1,1).expand(0,10**9,10**9).sum(0)`", "run", "t.py",
     "import torch\nx = torch.zeros(0, 1, 1).expand(0, 10**9, 10**9).sum(0)\n", None,
     "AttackRegressionTests.endsInACleanError(7)"),
    ("`a=[]; a.append(a); print(a)`, `==`, `in`, f-string, `.index`, `max`", "run", "t.py",
     "a = []\na.append(a)\nprint(a, a == a, a in a, f'{a}', a.index(a), max([a]))\n", None,
     "AttackRegressionTests.runsToTheEnd(3)"),
    ("self-reference through `sorted` and `set`", "run", "t.py",
     "a = []\na.append(a)\nprint(sorted([a, a]), max(a, a), a.count(a))\nset(a)\n", None,
     "AttackRegressionTests.endsInACleanError(15)"),
    ("`torch.tensor(a)` of a self-reference", "run", "t.py", "import torch\na = []\na.append(a)\ntorch.tensor(a)\n",
     None, "AttackRegressionTests.endsInACleanError(13)"),
    ("a dict containing itself", "run", "t.py", "a = {}\na[1] = a\nprint(a, a == a, sorted([[a]]))\n", None,
     "AttackRegressionTests.runsToTheEnd(4)"),
    ("free a 4M-deep nested list", "run", "t.py", "a = []\nfor i in range(4000000):\n    a = [a]\na = None\n", None,
     "LimitAttackTests.deepStructuresDoNotCrash(free a deep list)"),
    ("free a 4M-node linked list", "run", "t.py",
     "class N:\n    pass\nh = None\nfor i in range(4000000):\n    n = N()\n    n.next = h\n    h = n\nh = None\n", None,
     "LimitAttackTests.deepStructuresDoNotCrash(free a linked list)"),
    ("1M-branch `elif` chain", "run", "t.py",
     "x = 0\nif x == 1:\n    pass\n" + "elif x == 2:\n    pass\n" * 1_000_000, None,
     "LimitAttackTests.deepStructuresDoNotCrash(1M-branch elif)"),
    ("JSON: edge index -1", "render", "g.json",
     DUMP_HEAD + '"tensors":[],"ops":[],"nodes":[' + NODE + '],' + EMPTY_REST, None,
     "LimitAttackTests.hostileDumpsAreClearErrors(negative edge index)"),
    ("JSON: shape `[2147483648]*3`", "render", "g.json", dump_with_shape("[2147483648,2147483648,2147483648]"), None,
     "LimitAttackTests.hostileDumpsAreClearErrors(shape overflow)"),
    ("JSON: negative dimension", "render", "g.json", dump_with_shape("[3,-1]"), None,
     "LimitAttackTests.hostileDumpsAreClearErrors(negative dimension)"),
    ("JSON: lone surrogate", "render", "g.json", '{"schema":"\\ud800\\u0041"}', None,
     "LimitAttackTests.hostileDumpsAreClearErrors(lone surrogate)"),
    ("`render -o x.svg` of `ValueError(\"bad \\x01 value\")`", "render", "t.py", bad_message("\\x01"), None,
     "LimitAttackTests.errorTextNeverSpoilsThePicture"),
    ("`run --graph x.svg` of the same", "graph", "t.py", bad_message("\\x01"), None,
     "LimitAttackTests.graphOfARunIsWellFormed"),
    ("`render -o x.svg` with `\\x00`", "render", "t.py", bad_message("\\x00"), None,
     "LimitAttackTests.errorTextNeverSpoilsThePicture"),
    # gradscope-fuzz --seed 34's findings: text made from values of the script's choosing.
    ("fuzz: `KeyError` of a 60 MB key, printed", "run", "t.py",
     "s = 'ab' * (3 * 10**7)\ntry:\n    {1: 2}[s]\nexcept KeyError as e:\n    print(e)\n", None,
     "LimitAttackTests.textIsCountedBeforeItIsBuilt(KeyError of a 60 MB key)"),
    ("fuzz: f-string padded to 7e7", "run", "t.py", "x = f'{2**62:>{7 * 10**7}}'\n", None,
     "LimitAttackTests.textIsCountedBeforeItIsBuilt(f-string padded past the limit)"),
    ("fuzz: f-string padded to 3e7", "run", "t.py", "x = f'{2**62:>{3 * 10**7}}'\nprint(len(x))\n", None,
     "LimitAttackTests.textIsCountedBeforeItIsBuilt(f-string padded within the limit)"),
    ("fuzz: `%` with a 60 MB template", "run", "t.py",
     "s = 'ab' * (3 * 10**7)\ntry:\n    s % 'x'\nexcept TypeError as e:\n    print(e)\n", None,
     "LimitAttackTests.textIsCountedBeforeItIsBuilt(% with a 60 MB template)"),
    ("fuzz: `find` of a 10M-character needle", "run", "t.py",
     "s = 'ab' * 3\nprint(s.find('x'.center(10**7)), 'x' * 10**7 in s)\n", None,
     "LimitAttackTests.textIsCountedBeforeItIsBuilt(needle of 10 million characters)"),
    ("fuzz: `int()` of a 60 MB string", "run", "t.py",
     "s = 'ab' * (3 * 10**7)\ntry:\n    int(s)\nexcept ValueError as e:\n    print(len(str(e)))\n", None,
     "LimitAttackTests.textIsCountedBeforeItIsBuilt(int() of a 60 MB string)"),
    ("fuzz: `repr` of a 10 MB string 100 times", "run", "t.py", "s = 'a' * 10**7\nx = repr([s] * 100)\n", None,
     "LimitAttackTests.textIsCountedBeforeItIsBuilt(repr of a 10 MB string a hundred times)"),
    ("`replace('', '-')` of 4M characters", "run", "t.py", "s = 'ab' * (2 * 10**6)\nprint(len(s.replace('', '-')))\n",
     None, "LimitAttackTests.textIsCountedBeforeItIsBuilt(replace of the empty string)"),
]


def arguments(command, name):
    if command == "render":
        return ["render", name, "-o", "x.svg"]
    if command == "dump":
        return ["dump", name, "-o", "out.json"]
    if command == "debug":
        return ["debug", name]
    if command == "graph":
        return ["run", name, "--graph", "x.svg"]
    return ["run", name]


def run_case(binary, command, name, text, stdin, work, baseline_mb):
    for leftover in os.listdir(work):
        os.remove(os.path.join(work, leftover))
    with open(os.path.join(work, name), "w") as f:
        f.write(text)
    timing = os.path.join(work, ".time")
    argv = ["/usr/bin/time", "-o", timing, "-f", "%x %e %M", binary] + arguments(command, name) + LIMITS
    p = subprocess.run(argv, cwd=work, input=(stdin or "").encode(), capture_output=True, timeout=120)
    with open(timing) as f:
        fields = f.read().split()[-3:]
    status, seconds, kilobytes = int(fields[0]), float(fields[1]), int(fields[2])
    lines = [line for line in p.stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    if command == "debug":
        lines = [line for line in p.stdout.decode("utf-8", "replace").splitlines() if "Error" in line]
    last = lines[-1] if lines else ""
    problems = []
    if p.returncode < 0 or status not in (0, 1, 2):
        problems.append("exit %d" % p.returncode)
    if seconds > WALL_LIMIT:
        problems.append("%.1f s" % seconds)
    if kilobytes > (64 + 16 + baseline_mb) * 1024:
        problems.append("%d KB" % kilobytes)
    if status == 1 and not PYTHON_ERROR.match(last):
        problems.append("unclear error")
    if name.endswith(".json") and status != 0 and not last.startswith("gradscope: %s: " % name):
        problems.append("unclear JSON error")
    svg = os.path.join(work, "x.svg")
    if os.path.exists(svg):
        try:
            xml.dom.minidom.parse(svg)
        except Exception as e:  # noqa: BLE001 (any parse failure is the finding)
            problems.append("bad SVG: %s" % e)
    elif command in ("render", "graph") and status != 2:
        problems.append("no SVG written")
    return status, seconds, kilobytes, last, problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("--baseline-mb", type=int, default=40)
    parser.add_argument("--only")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    work = tempfile.mkdtemp(prefix="gradscope-audit-")
    failures = 0
    print("| reproducer | exit | wall s | peak RSS MB | ends with | regression test |")
    print("|---|---|---|---|---|---|")
    try:
        for reproducer, command, name, text, stdin, test in CASES:
            if args.only and args.only not in reproducer:
                continue
            status, seconds, kilobytes, last, problems = run_case(
                binary, command, name, text, stdin, work, args.baseline_mb)
            failures += bool(problems)
            ending = last if len(last) <= 70 else last[:67] + "..."
            # Control characters (the `\x01` and `\x00` messages) shown escaped, so the table stays text.
            ending = "".join(c if c >= " " else "\\x%02x" % ord(c) for c in ending)
            flag = " **FAIL: %s**" % ", ".join(problems) if problems else ""
            print("| %s | %d | %.2f | %.1f | `%s`%s | %s |" % (
                reproducer, status, seconds, kilobytes / 1024, ending.replace("|", "\\|").replace("`", "'"), flag, test))
            sys.stdout.flush()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
