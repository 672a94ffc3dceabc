#!/usr/bin/env bash
# Builds and runs samples/swift-api — a package outside GradScope — against this checkout's
# committed HEAD the strictest way SwiftPM allows: by git URL and a version tag (SwiftPM refuses
# unsafe compiler flags in versioned dependencies). Passes when the sample trains and prints its
# graph; exits non-zero otherwise.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

git clone -q "$root" "$work/gradscope"
git -C "$work/gradscope" tag 0.1.0
cp -R "$root/samples/swift-api" "$work/consumer"
rm -rf "$work/consumer/.build"
cd "$work/consumer"
out=$(GRADSCOPE_URL="file://$work/gradscope" GRADSCOPE_VERSION=0.1.0 swift run -q swift-api)
head -n 4 <<<"$out" # (not `echo | head`: under pipefail, head closing the pipe early fails the script with SIGPIPE)
grep -q '^step 2: loss ' <<<"$out"
grep -q 'MeanBackward0' <<<"$out"
echo "swift-api: a versioned dependency on GradScope builds and runs"
