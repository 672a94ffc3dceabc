#!/usr/bin/env bash
# Re-vendors the pan/zoom library the HTML viewer embeds: anvaka/panzoom (MIT), whose built
# file ships in the PyPI package mkdocs-panzoom-plugin 0.5.3. Checks the wheel's and the file's
# sha256 before copying it (and its licence) into Sources/GraphRender/Viewer/Assets/vendor.
set -euo pipefail
wheel_sha=bf81912a99d1405064ab274f5a648168eba6abc8e3d00d97c3622642ee32dcc7
file_sha=3258e58d40c5b9ab09dda89d1ced95c8b42abcda2d142dd5a6499808e110e904
dest="$(cd "$(dirname "$0")/.." && pwd)/Sources/GraphRender/Viewer/Assets/vendor"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m pip download --no-deps -d "$work" mkdocs-panzoom-plugin==0.5.3
echo "$wheel_sha  $work/mkdocs_panzoom_plugin-0.5.3-py3-none-any.whl" | sha256sum -c -
python3 -m zipfile -e "$work"/mkdocs_panzoom_plugin-0.5.3-py3-none-any.whl "$work/x"
echo "$file_sha  $work/x/mkdocs_panzoom_plugin/panzoom/panzoom.min.js" | sha256sum -c -
cp "$work/x/mkdocs_panzoom_plugin/panzoom/panzoom.min.js" "$dest/panzoom.min.js"
cp "$work/x/mkdocs_panzoom_plugin/panzoom/LICENCE" "$dest/panzoom.LICENCE"
