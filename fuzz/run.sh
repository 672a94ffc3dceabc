#!/usr/bin/env bash
# Builds the libFuzzer target (lexer -> parser -> interpreter, ASan) and runs it on one core.
#   fuzz/run.sh [SECONDS] [extra libFuzzer flags...]
# Crashes land in fuzz/artifacts/, the growing corpus in fuzz/corpus/ (neither is committed).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
seconds="${1:-600}"; shift || true

swift build --package-path "$here" --scratch-path "$here/.build" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 | grep -E "error|Compiling|Build" || true
bin="$here/.build/debug/ScriptFuzzer"
[ -x "$bin" ] || { echo "fuzz/run.sh: build failed, no $bin" >&2; exit 1; }

mkdir -p "$here/corpus" "$here/artifacts" "$here/seeds"
cp "$root"/samples/*.py "$here/seeds/" 2>/dev/null || true
cp "$root"/../shared/conformance/*.py "$here/seeds/" 2>/dev/null || true
cp "$root"/Tests/TorchBindingsTests/Fixtures/conformance/*.py "$here/seeds/" 2>/dev/null || true
python3 "$here/generate.py" --count 400 --out "$here/seeds"

cd "$here"
exec "$bin" "$here/corpus" "$here/seeds" -dict="$here/python.dict" \
    -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -max_len=4096 \
    -workers=1 -jobs=1 -detect_leaks=0 -print_final_stats=1 \
    -artifact_prefix="$here/artifacts/" "$@"
