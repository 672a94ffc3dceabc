#!/usr/bin/env bash
# Installs what the HTML viewer's browser tests need on a fresh Debian machine (as root, or
# through sudo): Debian's Chromium (/usr/bin/chromium), Firefox ESR (/usr/bin/firefox-esr) and
# fonts, and the Python packages playwright and marionette_driver from PyPI. The tests launch
# that Chromium through Playwright's executable_path and that Firefox through Marionette, so no
# browser build is downloaded. Nothing happens when everything is there.
set -euo pipefail
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
missing=()
for p in chromium firefox-esr fonts-dejavu-core python3-pip; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-browser: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
for module in playwright marionette_driver; do
  if ! python3 -c "import $module" 2>/dev/null; then
    echo "setup-browser: installing the Python package $module"
    # Debian marks its Python as externally managed; the package goes beside it all the same.
    python3 -m pip install --quiet "$module" 2>/dev/null \
      || python3 -m pip install --quiet --break-system-packages "$module"
  fi
done
