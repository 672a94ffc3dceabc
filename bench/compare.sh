#!/bin/sh
# Runs the PyTorch reference workloads and GradScope's benchmarks with one compute thread each
# and prints them side by side with ratios (GradScope / PyTorch; lower is better).
# Usage: bench/compare.sh [PYTHON]   (default: $TORCH_PYTHON, else /tmp/fmt-torch/bin/python)
# Expects the release build in .build-perf (make bench builds it).
set -eu
cd "$(dirname "$0")/.."
PYTHON=${1:-${TORCH_PYTHON:-/tmp/fmt-torch/bin/python}}
BIN=${BENCH_BIN:-.build-perf/release}
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 THREADS=1

torch_out=$("$PYTHON" bench/torch_reference.py all 2>/dev/null)
ours=$("$BIN/gradscope-bench" --gradscope "$BIN/gradscope" --scripts bench)

# Whole-process time of `python hello.py` (imports torch), median of 3, for the startup row.
py_start=$(for i in 1 2 3; do
  s=$(date +%s%N); "$PYTHON" bench/hello.py >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000 ))
done | sort -n | sed -n 2p)

printf '%s\n%s\npy_startup_us %s\n' "$torch_out" "$ours" "$py_start" | awk '
  { v[$1] = $2 }
  $1 ~ /^scale_[0-9]+_ops$/ { split($1, parts, "_"); sizes[++n] = parts[2] }
  function rec(name, key, unit, target) {
    printf "%-26s %12.3f %12.3f %7.1f%%   %-6s %s\n", name, v[key "_off"], v[key "_on"], v[key "_overhead_pct"], unit, target
  }
  function row(name, torch, ours, unit, target,   r) {
    r = (torch > 0) ? sprintf("%.2f", ours / torch) : "-"
    printf "%-26s %12.3f %12.3f %8s   %-6s %s\n", name, torch, ours, r, unit, target
  }
  END {
    printf "%-26s %12s %12s %8s   %-6s %s\n", "workload", "PyTorch", "GradScope", "ratio", "unit", "target"
    row("w1 scalar chain (script)", v["w1_scalar_chain_us_per_op"], v["w1_script_us_per_op"], "us/op", "ratio <= 0.3")
    row("w1 scalar chain (Swift)", v["w1_scalar_chain_us_per_op"], v["w1_swift_us_per_op"], "us/op", "<= 1 us/op")
    row("w2 MLP step (script)", v["w2_mlp_step_ms"], v["w2_script_ms_per_step"], "ms", "ratio <= 1.0")
    row("w2 MLP step (Swift)", v["w2_mlp_step_ms"], v["w2_swift_ms_per_step"], "ms", "ratio <= 1.0")
    row("startup (3-line script)", v["py_startup_us"] / 1000, v["startup_run_hello_ms"], "ms", "<= 50 ms")
    printf "%-26s %12s %12.0f %8s   %-6s\n", "peak RSS, keep losses", "-", v["mem_peak_rss_kb_keep_losses"], "-", "KB"
    printf "%-26s %12s %12.0f %8s   %-6s\n", "  ... with retain_graph", "-", v["mem_peak_rss_kb_keep_losses_retain_graph"], "-", "KB"
    printf "%-26s %12s %12.0f %8s   %-6s %s\n", "RSS growth, zeroed grads", "-", v["mem_rss_growth_kb_zeroed_grads"], "-", "KB", "~0"
    printf "\n%-26s %12s %12s %8s   %-6s %s\n", "graph recording", "off", "on", "slower", "unit", "target"
    rec("w1 chain (Swift)", "rec_w1_swift_us_per_op", "us/op", "<= 30%")
    rec("w1 chain (script)", "rec_w1_script_us_per_op", "us/op", "<= 30%")
    rec("w2 MLP step (Swift)", "rec_w2_swift_ms_per_step", "ms", "<= 10%")
    rec("w2 MLP step (script)", "rec_w2_script_ms_per_step", "ms", "<= 10%")
    rec("  ... with JSON written", "rec_w2_script_ms_per_step_json", "ms", "<= 25%")
    rec("w1 chain (script)+JSON", "rec_w1_script_us_per_op_json", "us/op", "<= 100%")
    printf "%-26s %12s %12.3f %8s   %-6s %s\n", "100k-op script run+json", "-", v["dump_total_s"], "-", "s", "<= 1 s"
    printf "%-26s %12s %12.3f %8s   %-6s\n", "  ... of which json()", "-", v["dump_json_s"], "-", "s"
    printf "%-26s %12s %12.3f %8s   %-6s\n", "  json() via JSONSerialization", "-", v["dump_json_foundation_s"], "-", "s"
    printf "%-26s %12s %12.3f %8s   %-6s\n", "100k-op dump read back", "-", v["dump_read_s"], "-", "s"
    printf "%-26s %12s %12.0f %8s   %-6s %s\n", "  JSON per op", "-", v["dump_json_bytes_per_op"], "-", "B/op", "<= 400"
    printf "%-26s %12s %12.0f %8s   %-6s %s\n", "  graph model per op", "-", v["dump_model_bytes_per_op_rss"], "-", "B/op", "<= 250 (peak RSS on - off)"
    printf "%-26s %12s %12.3f %8s   %-6s %s\n", "render 5k-op loop to SVG", "-", v["render_svg_s"], "-", "s", "<= 5 s (" v["render_ops"] " ops, folded)"
    printf "\n%-26s %12s %12s %8s   %-6s %s\n", "why on a long loop", "run", "why", "ratio", "unit", "target"
    printf "%-26s %12.3f %12.3f %8.1f   %-6s %s\n", "polynomial, " v["why_loop_iterations"] " passes", v["why_loop_run_s"], v["why_loop_why_s"], v["why_loop_ratio"], "s", "ratio <= 3"
    printf "\n%-26s %12s %12s %8s %8s %8s   %s\n", "training loop (scaling)", "ops", "run s", "why s", "render s", "dump s", "target"
    for (k = 1; k <= n; k++) {
      p = "scale_" sizes[k]
      printf "%-26s %12d %12.3f %8.3f %8.3f %8.3f   %s\n", "  ~" sizes[k] " ops", v[p "_ops"], v[p "_run_s"], v[p "_why_s"], v[p "_render_s"], v[p "_dump_s"], "each <= 2 s at 100k, linear"
    }
  }'
