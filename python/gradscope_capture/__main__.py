"""`python -m gradscope_capture SCRIPT.py [ARGS...] -o graph.json [--max-ops N] [--keep-error-graph]`:
run a script under real PyTorch and write the graph GradScope's recorder would have written."""
import os
import runpy
import sys
import traceback

from .recording import record

USAGE = ("usage: python -m gradscope_capture SCRIPT.py [ARGS...] -o GRAPH.json [--max-ops N] "
         "[--keep-error-graph]\n(options may come before or after the script's own arguments; "
         "arguments after -- all go to the script)\n")


def parse(argv):
    """(script, script args, output, max_ops, keep_error_graph); raises ValueError on bad usage."""
    script, rest, output, max_ops, keep = None, [], None, None, False
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--":
            rest.extend(argv[i + 1:])
            break
        if a in ("-o", "--output", "--max-ops"):
            if i + 1 >= len(argv):
                raise ValueError(f"{a} needs a value")
            if a == "--max-ops":
                if not argv[i + 1].isdigit():
                    raise ValueError(f"--max-ops needs a whole number, not {argv[i + 1]!r}")
                max_ops = int(argv[i + 1])
            else:
                output = argv[i + 1]
            i += 2
            continue
        if a == "--keep-error-graph":
            keep = True
        elif script is None:
            script = a
        else:
            rest.append(a)
        i += 1
    if script is None or output is None:
        raise ValueError("a script and -o GRAPH.json are required")
    return script, rest, output, max_ops, keep


def main(argv):
    try:
        script, args, output, max_ops, keep = parse(argv)
    except ValueError as e:
        sys.stderr.write(f"gradscope_capture: {e}\n{USAGE}")
        return 2
    if not os.path.isfile(script):
        sys.stderr.write(f"gradscope_capture: cannot read {script}: no such file\n")
        return 2
    sys.argv = [script] + args
    sys.path.insert(0, os.path.dirname(os.path.abspath(script)))
    status = 0
    g = record(max_ops)
    try:
        with g:
            runpy.run_path(script, run_name="__main__")
    except SystemExit as e:
        status = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except Exception:
        traceback.print_exc()
        status = 1
    if g.dropped_ops:
        sys.stderr.write(f"gradscope_capture: --max-ops {max_ops}: left out {g.dropped_ops} later ops\n")
    if status != 0 and not keep:
        sys.stderr.write(f"gradscope_capture: the script failed (status {status}); {output} not written "
                         "(--keep-error-graph writes the graph up to the error)\n")
        return status
    g.save(output)
    return status


sys.exit(main(sys.argv[1:]))
