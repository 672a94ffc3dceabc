#!/usr/bin/env python3
"""Cross-check: for every program of the given folders, the graph GradScope records
(`gradscope dump --format json --schema 2`) and the graph captured from real PyTorch
(`python -m gradscope_capture`) must agree in a canonical form that does not depend on ids.

usage: capture_crosscheck.py [--jobs N] [--known DOC.md] GRADSCOPE TORCH_PYTHON FOLDER...
Prints one line per program (`agree`, `known difference` or the differing sections, each with
its first difference) and a count. A difference is known when DOC.md (default
docs/capture-crosscheck.md) lists the program and that section in its "Known differences by
program" table, with a cause. Exits 1 when a program differs in a section the table does not
list for it (a missing graph is the section `no graph`, a graph file over 50 MB, which is not
compared, the section `too large`)."""
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PACKAGE = os.path.join(ROOT, "python")
TIMEOUT = 300  # seconds per side and program (GradScope's own limit is a minute)
MAX_BYTES = 50_000_000  # larger graphs are not loaded: their canonical forms took 20 GB of memory
KNOWN_HEADING = "## Known differences by program"
# Gradient norms agree within this relative difference (or 5e-5 absolute): the capture takes the
# norm of a tensor over 4096 elements in float32 and GradScope in float64, and training programs'
# gradients drift by float32 rounding from step to step (docs/capture-crosscheck.md).
NORM_RTOL = 1e-4
NORM_ATOL = 5e-5


def canonical(g):
    """Section name -> comparable value, with ids replaced by what they point at."""
    t, n = g["tensors"], g["nodes"]
    kind = lambda r: None if r is None else g["regions"][r]["kind"]
    name = lambda i: None if i is None else n[i]["name"]
    summary = lambda s: None if s is None else (tuple(s["shape"]), s["nan"], s["inf"], s["norm"])
    return {
        "tensors": sorted(repr((r["source"], r["factory"], r["shape"], r["dtype"], r["requires_grad"], r["is_leaf"],
                                r["line"], kind(r["region"]), r["names"])) for r in t),
        "ops": [(o["name"], o["line"], o["grad_enabled"], o["in_place"], name(o["grad_fn"]), kind(o["region"]),
                 [t[i]["shape"] for i in o["inputs"]]) for o in g["ops"]],
        "grad_fn names": sorted(repr((x["name"], x["line"])) for x in n),
        "saved buffers": sorted(repr((x["name"], x["line"], sorted((s["name"], s["shape"], s["dtype"], s["state"],
                                 s["freed_by_pass"]) for s in x["saved"]))) for x in n),
        "regions": [(r["kind"], r["start_line"], r["end_line"], kind(r["parent"])) for r in g["regions"]],
        "detaches": [(d["kind"], d["line"], d["source_required_grad"]) for d in g["detaches"]],
        "passes": [(p["kind"], p["line"], p["canonical"], p["retain_graph"], p["create_graph"],
                    [name(i) for i in p["executed"]], p["error"] and p["error"]["type"]) for p in g["backward_passes"]],
        "edges": [sorted(((name(e["from"]), e["index"], name(e["to"]), e["input_nr"], summary(e["grad"]))
                          for e in p["edges"]), key=edge_order) for p in g["backward_passes"]],
    }


def edge_order(edge):
    """Sorts edges by everything but the gradient norm, then by the norm."""
    grad = edge[4]
    norm = grad[3] if grad else None
    return repr(edge[:4] + (grad and grad[:3],)), norm if isinstance(norm, float) else -1.0, repr(norm)


def same(a, b):
    """Equality of canonical values, with gradient norms (floats in edges) compared within
    NORM_RTOL / NORM_ATOL."""
    if (isinstance(a, float) or isinstance(b, float)) and all(isinstance(v, (int, float)) for v in (a, b)):
        # one side may be an int: the JSON writes an integral norm (42435.0) as 42435
        return abs(a - b) <= max(NORM_ATOL, NORM_RTOL * max(abs(a), abs(b)))
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def first_difference(a, b):
    if isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b)):
            if not same(x, y):
                if isinstance(x, list) and isinstance(y, list) and len(x) == len(y):
                    return f"#{i}, " + first_difference(x, y)
                return f"#{i}: gradscope {x} / pytorch {y}"
        return f"gradscope has {len(a)}, pytorch {len(b)}"
    return f"gradscope {a} / pytorch {b}"


def known_differences(doc):
    """Program file name -> the sections the doc's known-differences table lists for it."""
    known, inside = {}, False
    with open(doc, encoding="utf-8") as f:
        for line in f:
            if line.startswith("## "):
                inside = line.strip() == KNOWN_HEADING
                continue
            row = re.match(r"\|\s*`([^`]+\.py)`\s*\|([^|]*)\|\s*[^|\s]", line) if inside else None
            if row:
                known.setdefault(row.group(1), set()).update(s.strip() for s in row.group(2).split(",") if s.strip())
    return known


def graphs(gradscope, python, script, tmp):
    mine, theirs = os.path.join(tmp, "gradscope.json"), os.path.join(tmp, "capture.json")
    folder, base = os.path.split(script)
    env = dict(os.environ, PYTHONPATH=PACKAGE, OMP_NUM_THREADS="1")
    for command in ([gradscope, "dump", base, "--format", "json", "--schema", "2", "-o", mine, "--timeout", str(TIMEOUT)],
                    [python, "-m", "gradscope_capture", base, "-o", theirs, "--keep-error-graph"]):
        try:
            subprocess.run(command, cwd=folder or ".", env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            pass
    sizes = [os.path.getsize(p) for p in (mine, theirs) if os.path.exists(p)]
    if max(sizes, default=0) > MAX_BYTES:
        raise GraphTooLarge(max(sizes))
    load = lambda p: json.load(open(p)) if os.path.exists(p) else None
    return load(mine), load(theirs)


class GraphTooLarge(Exception):
    """A graph file over MAX_BYTES: the program is reported as `too large`, not compared."""


def compare(gradscope, python, script):
    """(differing sections, report lines) of one program."""
    with tempfile.TemporaryDirectory() as tmp:
        try:
            a, b = graphs(gradscope, python, script, tmp)
        except GraphTooLarge as e:
            return ["too large"], [f"    too large: a graph file of {e.args[0] // 1_000_000} MB (over {MAX_BYTES // 1_000_000} MB)"]
    if a is None or b is None:
        side = "gradscope" if a is None else "gradscope_capture"
        return ["no graph"], [f"    no graph from {side} (failed or over {TIMEOUT} s)"]
    ca, cb = canonical(a), canonical(b)
    diffs = [k for k in ca if not same(ca[k], cb[k])]
    return diffs, [f"    {k}: {first_difference(ca[k], cb[k])}"[:600] for k in diffs]


def main(argv):
    jobs, doc = os.cpu_count() or 1, os.path.join(ROOT, "docs", "capture-crosscheck.md")
    while argv and argv[0] in ("--jobs", "--known"):
        if argv[0] == "--jobs":
            jobs = int(argv[1])
        else:
            doc = argv[1]
        argv = argv[2:]
    if len(argv) < 3:
        sys.exit(__doc__)
    gradscope, python, folders = os.path.abspath(argv[0]), argv[1], argv[2:]
    known = known_differences(doc)
    scripts = sorted(os.path.join(f, s) for f in folders for s in os.listdir(f) if s.endswith(".py"))
    counts = {"agree": 0, "known": 0, "new": 0}
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        results = pool.map(lambda s: compare(gradscope, python, s), scripts)
        for script, (diffs, lines) in zip(scripts, results):
            unlisted = [d for d in diffs if d not in known.get(os.path.basename(script), set())]
            if not diffs:
                counts["agree"] += 1
                print(f"{script}: agree", flush=True)
                continue
            counts["new" if unlisted else "known"] += 1
            verdict = f"NOT LISTED: {', '.join(unlisted)}" if unlisted else "known difference"
            print(f"{script}: differ in {', '.join(diffs)} ({verdict})", flush=True)
            print("\n".join(lines), flush=True)
    print(f"{len(scripts)} programs: {counts['agree']} agree, {counts['known']} differ as listed in "
          f"{os.path.relpath(doc)}, {counts['new']} differ otherwise")
    return 1 if counts["new"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
