#!/usr/bin/env python3
"""Cross-check: for every program of the given folders, the graph GradScope records
(`gradscope dump --format json --schema 2`) and the graph captured from real PyTorch
(`python -m gradscope_capture`) must agree in a canonical form that does not depend on ids.

usage: capture_crosscheck.py GRADSCOPE TORCH_PYTHON FOLDER...
Prints one line per program (`agree` or the differing sections, each with its first difference);
exits 1 when any program disagrees or either side failed to write a graph."""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE = os.path.join(os.path.dirname(HERE), "python")
TIMEOUT = 300  # seconds per side and program


def canonical(g):
    """Section name -> comparable value, with ids replaced by what they point at."""
    t, n = g["tensors"], g["nodes"]
    kind = lambda r: None if r is None else g["regions"][r]["kind"]
    name = lambda i: None if i is None else n[i]["name"]
    summary = lambda s: None if s is None else (tuple(s["shape"]), s["nan"], s["inf"], round(s["norm"], 4) if isinstance(s["norm"], float) else s["norm"])
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
        "edges": [sorted(repr((name(e["from"]), e["index"], name(e["to"]), e["input_nr"], summary(e["grad"])))
                         for e in p["edges"]) for p in g["backward_passes"]],
    }


def first_difference(a, b):
    if isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                return f"#{i}: gradscope {x} / pytorch {y}"
        return f"gradscope has {len(a)}, pytorch {len(b)}"
    return f"gradscope {a} / pytorch {b}"


def graphs(gradscope, python, script, tmp):
    mine, theirs = os.path.join(tmp, "gradscope.json"), os.path.join(tmp, "capture.json")
    folder, base = os.path.split(script)
    env = dict(os.environ, PYTHONPATH=PACKAGE, OMP_NUM_THREADS="1")
    for command in ([gradscope, "dump", base, "--format", "json", "--schema", "2", "-o", mine],
                    [python, "-m", "gradscope_capture", base, "-o", theirs, "--keep-error-graph"]):
        try:
            subprocess.run(command, cwd=folder or ".", env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            pass
    load = lambda p: json.load(open(p)) if os.path.exists(p) else None
    return load(mine), load(theirs)


def main(gradscope, python, folders):
    gradscope = os.path.abspath(gradscope)
    scripts = sorted(os.path.join(f, s) for f in folders for s in os.listdir(f) if s.endswith(".py"))
    agree = 0
    for script in scripts:
        with tempfile.TemporaryDirectory() as tmp:
            a, b = graphs(gradscope, python, script, tmp)
        if a is None or b is None:
            print(f"{script}: no graph from {'gradscope' if a is None else 'gradscope_capture'} (failed or over {TIMEOUT} s)")
            continue
        ca, cb = canonical(a), canonical(b)
        diffs = [k for k in ca if ca[k] != cb[k]]
        if not diffs:
            agree += 1
            print(f"{script}: agree")
            continue
        print(f"{script}: differ in {', '.join(diffs)}")
        for k in diffs:
            print(f"    {k}: {first_difference(ca[k], cb[k])}"[:600])
    print(f"{agree} of {len(scripts)} programs agree")
    return 0 if agree == len(scripts) else 1


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
