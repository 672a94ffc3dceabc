#!/usr/bin/env python3
"""Slowdown of `python -m gradscope_capture SCRIPT.py -o graph.json` against `python SCRIPT.py`
on the three example models of python/examples (a CNN on random images, a transformer encoder
block, an LSTM): whole processes, PyTorch's start-up included, plain and captured runs
alternated, one thread. Prints, per model, the median wall time and the median CPU time
(user + system of the child, less sensitive to other load on the machine) of each, and their
ratios.

usage: python bench/capture_scripts.py PYTHON [RUNS]   (PYTHON: an interpreter with torch)"""
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODELS = ("cnn", "transformer", "lstm")


def timed(command, env):
    """(wall seconds, CPU seconds) of one run of `command`, which must succeed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(python, runs):
    env = dict(os.environ, OMP_NUM_THREADS="1", PYTHONPATH=os.path.join(ROOT, "python"))
    with tempfile.TemporaryDirectory() as tmp:
        graph = os.path.join(tmp, "graph.json")
        for model in MODELS:
            script = os.path.join(ROOT, "python", "examples", model + ".py")
            plain, captured = [], []
            for _ in range(runs):
                plain.append(timed([python, script], env))
                captured.append(timed([python, "-m", "gradscope_capture", script, "-o", graph], env))
            pw, pc = (statistics.median(r[i] for r in plain) for i in (0, 1))
            cw, cc = (statistics.median(r[i] for r in captured) for i in (0, 1))
            print(f"{model}: plain {pw:.2f} s wall / {pc:.2f} s CPU, captured {cw:.2f} s wall / {cc:.2f} s CPU: "
                  f"{cw / pw:.2f}x wall, {cc / pc:.2f}x CPU (medians of {runs} runs)")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5)
