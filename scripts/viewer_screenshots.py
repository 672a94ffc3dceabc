"""Screenshots of the HTML viewer for the README (docs/images/viewer_*.png), taken in headless
Chromium from pages the given gradscope binary writes for three samples.

Usage: python3 scripts/viewer_screenshots.py [.build/debug/gradscope]
"""

import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
GRADSCOPE = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / ".build/debug/gradscope")


def shoot(browser, html, out, steps):
    page = browser.new_page(viewport={"width": 1400, "height": 860})
    page.goto(html.as_uri())
    page.wait_for_selector("html[data-ready=true]")
    for step in steps:
        step(page)
    page.screenshot(path=str(out))
    page.close()


def select(query, centre=False):
    return lambda page: page.evaluate("a => GS.select(GS.search(a[0])[0], {centre: a[1]})", [query, centre])


with tempfile.TemporaryDirectory() as d, sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    pages = {}
    for name in ["selective_backprop", "no_grad", "training_loop"]:
        pages[name] = Path(d) / f"{name}.html"
        subprocess.run([GRADSCOPE, "render", f"samples/{name}.py", "-o", str(pages[name])],
                       cwd=ROOT, check=True, capture_output=True)
    images = ROOT / "docs/images"
    # The last pass's gradients, xvar's panel.
    shoot(browser, pages["selective_backprop"], images / "viewer_passes.png", [select("xvar")])
    # Why mode on w1: the no_grad cut in red, `gradscope why`'s sentences in the panel.
    shoot(browser, pages["no_grad"], images / "viewer_why.png",
          [lambda page: page.click("#why-toggle"), select("w1")])
    # A folded training loop: an op's panel with its saved buffers and the passes that ran it.
    shoot(browser, pages["training_loop"], images / "viewer_loop.png", [select("PowBackward0", centre=True)])
    browser.close()
