#!/usr/bin/env python3
"""Records what CPython prints for each Tests/PythonTests/Fixtures/language/*.py (run with
CPython 3.11): NAME.expected.json holds stdout, whether it exited cleanly and the last stderr line."""
import json, pathlib, subprocess, sys

folder = pathlib.Path(__file__).resolve().parent.parent / "Tests/PythonTests/Fixtures/language"
for script in sorted(folder.glob("*.py")) if len(sys.argv) < 2 else [folder / a for a in sys.argv[1:]]:
    run = subprocess.run([sys.executable, script.name], cwd=folder, capture_output=True, text=True)
    lines = [l.strip() for l in run.stderr.splitlines()]
    expected = {"exit_ok": run.returncode == 0, "stdout": run.stdout,
                "stderr_last": lines[-1] if lines else "", "warnings": []}
    script.with_suffix(".expected.json").write_text(json.dumps(expected, indent=1) + "\n")
    print(script.name, "ok" if run.returncode == 0 else lines[-1])
