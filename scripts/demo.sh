#!/usr/bin/env bash
# `make demo`: GradScope's main job on one bundled sample, in the order a new user meets it:
# the script's own output (as `python SAMPLE` prints it), its graph drawn with the gradients and
# saved buffers (SVG and PNG) and as the interactive viewer's page (HTML), the recorded graph's
# summary, and `why` for every tensor.
# Usage: scripts/demo.sh GRADSCOPE SAMPLE OUTDIR
set -euo pipefail
gradscope=$1 sample=$2 outdir=$3
# Exit status 1 means the script raised (some samples end with the error they demonstrate): the
# traceback is part of what the sample shows, and the graph is still recorded and drawn.
tolerate_raise() { "$@" || [ $? -eq 1 ]; }
name=$(basename "$sample" .py)
mkdir -p "$outdir"

echo "== $sample, run as Python would run it (gradscope run)"
tolerate_raise "$gradscope" run "$sample"

echo
echo "== its graph, drawn with the last backward pass's gradients and the saved buffers"
for format in svg png html; do
  tolerate_raise "$gradscope" render "$sample" --show-grads --show-saved -o "$outdir/$name.$format" 2>/dev/null
done
tolerate_raise "$gradscope" dump "$sample" -o "$outdir/$name.txt" 2>/dev/null
tolerate_raise "$gradscope" dump "$sample" -o "$outdir/$name.json" 2>/dev/null
head -n 1 "$outdir/$name.txt"
echo "pictures: $outdir/$name.svg  $outdir/$name.png"
echo "viewer:   $outdir/$name.html (open it in a browser: pan, zoom, search, passes, why)"
echo "dumps:    $outdir/$name.txt (text)  $outdir/$name.json (gradscope.graph JSON)"

echo
echo "== why each tensor got its gradient, or exactly why not (gradscope why)"
tolerate_raise "$gradscope" why "$sample" 2>/dev/null
