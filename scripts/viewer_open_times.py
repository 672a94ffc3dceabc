"""Times how long viewer pages take to open from disk in headless Chromium and headless Firefox.

For each page and browser, RUNS fresh loads (a new tab in one running browser each time) from
navigation until the page's ready signal (html[data-ready=true], set when the view is drawn,
fitted and wired); prints each time, the median, and the load average of the machine before the
runs. The browsers and drivers are the ones the browser tests use (scripts/setup-browser.sh).

Run: python3 scripts/viewer_open_times.py [--runs 5] PAGE.html ...
"""

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from marionette_driver import Wait
from marionette_driver.marionette import Marionette
from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FIREFOX = os.environ.get("FIREFOX", "/usr/bin/firefox-esr")
READY = "() => document.documentElement.dataset.ready === 'true'"


def chromium_times(page_path, runs):
    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            start = time.monotonic()
            page.goto(page_path.as_uri(), timeout=600_000)
            page.wait_for_function(READY, timeout=600_000, polling=20)
            times.append(time.monotonic() - start)
            page.close()
        browser.close()
    return times


def firefox_times(page_path, runs, scratch):
    times = []
    firefox = Marionette(bin=FIREFOX, headless=True, gecko_log=str(scratch / "firefox.log"))
    firefox.start_session()
    firefox.set_window_rect(width=1400, height=900)
    firefox.timeout.page_load = 600
    for _ in range(runs):
        firefox.navigate("about:blank")
        start = time.monotonic()
        firefox.navigate(page_path.as_uri())
        Wait(firefox, timeout=600, interval=0.02).until(
            lambda m: m.execute_script(f"return ({READY})();", sandbox=None))
        times.append(time.monotonic() - start)
    firefox.delete_session()
    firefox.cleanup()
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("pages", nargs="+", type=Path)
    args = parser.parse_args()
    scratch = tempfile.TemporaryDirectory()
    for page in args.pages:
        page = page.resolve()
        size = page.stat().st_size / 1e6
        for name, measure in [("chromium", lambda p: chromium_times(p, args.runs)),
                              ("firefox", lambda p: firefox_times(p, args.runs, Path(scratch.name)))]:
            load = os.getloadavg()[0]
            times = measure(page)
            print(f"{page.name} ({size:.1f} MB) {name}: median {statistics.median(times):.2f} s "
                  f"of {', '.join(f'{t:.2f}' for t in times)} (load average {load:.1f} before)", flush=True)
    scratch.cleanup()


if __name__ == "__main__":
    main()
