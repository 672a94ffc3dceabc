#!/bin/sh
# Checks that Graphviz's plugin configuration exists and is non-empty; regenerates it with
# `dot -c` when it is not. Without it, every layout and format fails in-process with
# 'Layout type: "dot" not recognized. Use one of:' followed by an empty list.
# Usage: scripts/check-graphviz.sh [CONFIG_FILE]   (needs root to regenerate)
set -eu

config="${1:-/usr/lib/x86_64-linux-gnu/graphviz/config6a}"

if [ -s "$config" ]; then
    echo "graphviz: plugin configuration present: $config"
    exit 0
fi

echo "graphviz: plugin configuration missing or empty: $config; running 'dot -c'" >&2
if ! command -v dot >/dev/null 2>&1; then
    echo "graphviz: 'dot' not found; install the graphviz package (apt-get install graphviz)" >&2
    exit 1
fi
if ! dot -c; then
    echo "graphviz: 'dot -c' failed (it needs write access to $(dirname "$config"); run as root)" >&2
    exit 1
fi
if [ ! -s "$config" ]; then
    echo "graphviz: 'dot -c' ran but $config is still missing or empty" >&2
    exit 1
fi
echo "graphviz: plugin configuration regenerated: $config"
