"""End-to-end tests of the HTML viewer in headless Firefox (Debian's firefox-esr) driven by
Marionette (the Python package marionette_driver, which launches the installed browser).

The pages are the ones the Chromium tests use (test_viewer.sample_pages: the real CLI on every
bundled sample), opened from disk (file://) with no server. Before leaving each page, a test
reads, with the browser's own privileges inside the page's process, the console messages the page
logged and the script errors it raised (from page load on), and fails on any error; it also fails
if the page fetched anything (the Resource Timing entries). Environment: GRADSCOPE names the
binary (default .build/debug/gradscope), FIREFOX the browser (default /usr/bin/firefox-esr).

Run: python3 -m unittest discover -s Tests/Browser -v
"""

import gc
import os
import re
import subprocess
import tempfile
import time
import unittest
import warnings
from pathlib import Path

from marionette_driver import By, Keys, Wait
from marionette_driver.marionette import ActionSequence, Marionette

from test_viewer import GRADSCOPE, ROOT, contrast_on_white, render, sample_pages, training_loop

FIREFOX = os.environ.get("FIREFOX", "/usr/bin/firefox-esr")

# The console errors and uncaught exceptions of the current page (its inner window), run in the
# system-principal sandbox: the console API storage keeps every call since the page loaded, and
# the console service every script error, each tagged with the window that made it.
PAGE_ERRORS = """
const win = window.windowGlobalChild.innerWindowId;
const storage = Cc["@mozilla.org/consoleAPI-storage;1"].getService(Ci.nsIConsoleAPIStorage);
const calls = storage.getEvents(String(win)).filter((e) => e.level === "error")
  .map((e) => "console.error: " + e.arguments.map(String).join(" "));
const thrown = Services.console.getMessageArray()
  .filter((m) => m instanceof Ci.nsIScriptError && m.innerWindowID === win && m.flags === Ci.nsIScriptError.errorFlag)
  .map((m) => "error: " + m.errorMessage + " (" + m.sourceName + ":" + m.lineNumber + ")");
return calls.concat(thrown);
"""


class FirefoxViewerTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.pages = sample_pages()
        cls.dir = tempfile.TemporaryDirectory()
        with warnings.catch_warnings():
            # The driver leaves the sockets it polls the starting browser with to the collector.
            warnings.simplefilter("ignore", ResourceWarning)
            cls.firefox = Marionette(bin=FIREFOX, headless=True, gecko_log=str(Path(cls.dir.name) / "firefox.log"))
            cls.firefox.start_session()
            gc.collect()
        cls.firefox.set_window_rect(width=1400, height=900)

    @classmethod
    def tearDownClass(cls):
        cls.firefox.delete_session()
        cls.firefox.cleanup()
        # Dropped now, not at interpreter exit, where the profile's finaliser fails to import.
        cls.firefox = None
        gc.collect()
        cls.dir.cleanup()

    def setUp(self):
        self.opened = False

    def tearDown(self):
        self.check_page()

    def check_page(self):
        """Fails on the console errors and uncaught exceptions of the page the test opened last."""
        if self.opened:
            self.assertEqual(self.firefox.execute_script(PAGE_ERRORS, sandbox="system"), [],
                             "console errors or uncaught exceptions")

    # Helpers

    def js(self, function, *args):
        """Calls the JavaScript function text `function` in the page with `args`; its result."""
        return self.firefox.execute_script(f"return ({function})(...arguments);", script_args=list(args), sandbox=None)

    def open(self, name, fragment=""):
        self.check_page()
        self.opened = True
        self.firefox.navigate(self.pages[name].as_uri() + fragment)
        Wait(self.firefox, timeout=20).until(
            lambda _: self.js("() => document.documentElement.dataset.ready") == "true")
        self.assertEqual(self.js("() => performance.getEntriesByType('resource').map(e => e.name)"), [])

    def node(self, query):
        """The id of the first node of the current view that search finds for `query`."""
        ids = self.js("q => GS.search(q)", query)
        self.assertTrue(ids, f"no node found for {query!r}")
        return ids[0]

    def click_node(self, node_id):
        # WebDriver clicks an element at its in-view centre; an SVG group has no box of its own
        # in Firefox's WebDriver, so the click goes to the node's label, inside the group.
        self.firefox.find_element(By.CSS_SELECTOR, f"#canvas g.node#{node_id} text").click()

    def click(self, selector):
        self.firefox.find_element(By.CSS_SELECTOR, selector).click()

    def choose(self, select, value):
        self.click(f"{select} option[value='{value}']")

    def panel(self):
        return self.js("() => document.getElementById('panel').innerText")

    def centre_of(self, element_id):
        return self.js("id => { const b = document.getElementById(id).getBoundingClientRect();"
                       " return [b.x + b.width / 2, b.y + b.height / 2]; }", element_id)

    def scale(self):
        return self.js("() => GS.canvas.transform().scale")

    def keys(self, *keys):
        actions = ActionSequence(self.firefox, "key", "keyboard")
        for key in keys:
            actions.key_down(key).key_up(key)
        actions.perform()

    def edge_colours(self):
        return self.js("""() => Object.fromEntries(Array.from(document.querySelectorAll('#canvas g.edge.gradient-on'))
                            .map(e => [e.id, getComputedStyle(e.querySelector('path')).stroke]))""")

    def assert_same_place(self, before, after):
        self.assertAlmostEqual(before[0], after[0], delta=2)
        self.assertAlmostEqual(before[1], after[1], delta=2)

    # Tests

    def test_every_sample_opens_from_disk_self_contained(self):
        for name in self.pages:
            with self.subTest(sample=name):
                self.open(name)
                self.assertGreater(self.js("() => document.querySelectorAll('#canvas g.node[tabindex]').length"), 0)
                self.assertIn(name + ".py", self.firefox.title)

    def test_search_finds_a_tensor_and_centres_it(self):
        self.open("selective_backprop")
        search = self.firefox.find_element(By.ID, "search")
        search.send_keys("xvar")
        Wait(self.firefox, timeout=5).until(
            lambda _: self.js("() => document.querySelectorAll('#search-results li[role=option]').length") > 0)
        self.assertIn("xvar", self.js("() => document.getElementById('search-results').innerText"))
        search.send_keys(Keys.ENTER)
        selected = self.js("() => document.querySelector('#canvas g.node.selected').id")
        self.assertEqual(self.js("() => GS.state.node"), selected)
        self.assertRegex(self.panel(), r"^xvar tensor t\d+")
        box = self.js("id => document.getElementById(id).getBoundingClientRect().toJSON()", selected)
        canvas = self.js("() => document.getElementById('canvas').getBoundingClientRect().toJSON()")
        self.assertAlmostEqual(box["x"] + box["width"] / 2, canvas["x"] + canvas["width"] / 2, delta=3)
        self.assertAlmostEqual(box["y"] + box["height"] / 2, canvas["y"] + canvas["height"] / 2, delta=3)

    def test_click_nodes_shows_their_facts(self):
        self.open("no_grad")
        self.click_node(self.node("w1"))
        text = self.panel()
        self.assertRegex(text, r"^w1 tensor t\d+")
        for fact in ["shape\n(2, 2)", "dtype\ntorch.float32", "requires_grad\nTrue", "leaf (parameter)",
                     "made at\nline 7", "no backward pass sent it a gradient"]:
            self.assertIn(fact, text)
        self.click_node(self.node("line 10"))
        self.assertIn("none (grad mode was off)", self.panel())
        self.open("tutorial")
        self.click_node(self.node("x"))
        self.assertEqual(self.js("() => document.querySelector('#panel pre.values').textContent"),
                         "tensor([[1., 1.],\n        [1., 1.]])")
        self.click_node(self.node("PowBackward0"))
        self.assertIn("exponent\n2", self.panel())

    def test_switching_passes_recolours_edges(self):
        self.open("selective_backprop")
        passes = self.js("() => GS.data.passes.length")
        self.assertGreaterEqual(passes, 2)
        seen = []
        for p in range(passes):
            self.choose("#pass-select", p)
            self.assertEqual(self.js("() => GS.state.pass"), p)
            colours = self.edge_colours()
            self.assertTrue(colours, f"pass {p} coloured no edge")
            for colour in colours.values():
                rgb = tuple(int(v) for v in re.findall(r"\d+", colour)[:3])
                self.assertGreaterEqual(contrast_on_white(rgb), 3.0, colour)
            seen.append(colours)
        self.assertNotEqual(seen[0], seen[1])
        self.choose("#pass-select", "")
        self.assertEqual(self.edge_colours(), {})

    def test_unfold_and_fold_a_loop_in_place(self):
        self.open("training_loop")
        count = "() => document.querySelectorAll('#canvas g.node[tabindex]').length"
        folded = self.js("() => document.querySelector('#canvas g.node.folded').id")
        before = self.js(count)
        self.click_node(folded)
        self.assertRegex(self.panel(), r"stands for \d+ recorded nodes")
        place, scale = self.centre_of(folded), self.scale()
        self.click("#panel button[data-view=unfolded]")
        self.assertEqual(self.js("() => document.getElementById('view-select').value"), "unfolded")
        self.assertGreater(self.js(count), before)
        self.assert_same_place(place, self.centre_of(self.js("() => GS.state.node")))
        self.assertAlmostEqual(self.scale(), scale, places=6)
        self.choose("#view-select", "main")
        self.assertEqual(self.js(count), before)

    def test_collapse_and_expand_a_module_call_in_place(self):
        self.open("mlp_module")
        label = self.js("""() => Array.from(document.querySelectorAll('#canvas g.cluster.module text'))
                             .findIndex(t => t.textContent.includes('fc1: Linear'))""")
        self.firefox.find_elements(By.CSS_SELECTOR, "#canvas g.cluster.module text")[label].click()
        self.assertIn("model.fc1", self.panel())
        cluster = self.js("() => document.querySelector('#panel button[data-view]').dataset.from")
        place = self.centre_of(cluster)
        self.click("#panel button[data-view=depth1]")
        selected = self.js("() => GS.state.node")
        self.assertRegex(selected, r"module\d+")
        self.assert_same_place(place, self.centre_of(selected))
        self.click("#panel button[data-view=main]")
        self.assertEqual(self.js("() => document.getElementById('view-select').value"), "main")
        self.assert_same_place(place, self.centre_of(cluster))

    def test_why_mode_highlights_the_no_grad_cut(self):
        self.open("no_grad")
        self.click("#why-toggle")
        w1 = self.node("w1")
        self.click_node(w1)
        cut = set(self.js("() => Array.from(document.querySelectorAll('#canvas .why-cut')).map(e => e.id)"))
        self.assertIn(w1, cut)
        self.assertTrue(any(e.startswith(f"e_{w1}_") for e in cut), cut)
        cli = subprocess.run([GRADSCOPE, "why", str(ROOT / "samples/no_grad.py"), "w1"],
                             capture_output=True, text=True, check=True).stdout
        self.assertEqual(self.js("() => document.querySelector('#panel pre.why-text').innerText").strip(), cli.strip())

    def test_keyboard_wheel_and_drag(self):
        self.open("tutorial")
        start = self.scale()
        self.firefox.find_element(By.ID, "canvas").send_keys("+")
        self.assertGreater(self.scale(), start)
        self.keys(Keys.TAB)
        first = self.js("() => document.activeElement.id")
        self.assertTrue(self.js("() => document.activeElement.matches('#canvas g.node')"))
        self.keys(Keys.TAB)
        second = self.js("() => document.activeElement.id")
        self.assertNotEqual(first, second)
        self.assertEqual(self.js("() => getComputedStyle(document.activeElement.querySelector('path, polygon, ellipse')).stroke"),
                         "rgb(194, 24, 91)")
        self.keys(Keys.ENTER)
        self.assertEqual(self.js("() => GS.state.node"), second)
        canvas = self.firefox.find_element(By.ID, "canvas")
        before = self.js("() => GS.canvas.transform()")
        ActionSequence(self.firefox, "wheel", "wheel").scroll(0, 0, 0, -300, origin=canvas).perform()
        Wait(self.firefox, timeout=5).until(lambda _: self.scale() > before["scale"])
        zoomed = self.js("() => GS.canvas.transform()")
        mouse = ActionSequence(self.firefox, "pointer", "mouse")
        mouse.pointer_move(0, 0, origin=canvas).pointer_down().pointer_move(60, 30, origin="pointer").pointer_move(
            60, 30, origin="pointer").pointer_up().perform()
        dragged = self.js("() => GS.canvas.transform()")
        self.assertAlmostEqual(dragged["x"] - zoomed["x"], 120, delta=2)
        self.assertAlmostEqual(dragged["y"] - zoomed["y"], 60, delta=2)

    def test_state_survives_a_reload_through_the_fragment(self):
        self.open("selective_backprop")
        self.choose("#pass-select", 0)
        node = self.node("xvar")
        self.click_node(node)
        self.click("#legend-toggle")
        self.assertFalse(self.firefox.find_element(By.ID, "viewer-legend").is_displayed())
        Wait(self.firefox, timeout=5).until(lambda _: "legend=off" in self.js("() => location.hash"))
        url = self.js("() => location.href")
        self.check_page()
        self.firefox.navigate("about:blank")
        self.firefox.navigate(url)
        Wait(self.firefox, timeout=20).until(
            lambda _: self.js("() => document.documentElement.dataset.ready") == "true")
        self.assertEqual(self.js("() => GS.state.pass"), 0)
        self.assertEqual(self.js("() => GS.state.node"), node)
        self.assertFalse(self.firefox.find_element(By.ID, "viewer-legend").is_displayed())

    def test_five_thousand_op_loop_opens(self):
        # The 2 s is for Chromium (test_viewer); here the page must get ready within the
        # wait (a frozen page fails) with no console error. README has Firefox's times.
        with tempfile.TemporaryDirectory() as d:
            script = Path(d) / "loop5k.py"
            script.write_text(training_loop(334))
            page = Path(d) / "loop5k.html"
            result = render(script, page)
            self.assertEqual(result.returncode, 0, result.stderr)
            self.check_page()
            start = time.monotonic()
            self.firefox.navigate(page.as_uri())
            Wait(self.firefox, timeout=20, interval=0.02).until(
                lambda _: self.js("() => document.documentElement.dataset.ready") == "true")
            seconds = time.monotonic() - start
            print(f"\n5,000-op loop ({page.stat().st_size} bytes) opened in Firefox in {seconds:.2f} s")
            self.assertGreater(self.js("() => document.querySelectorAll('#canvas g.node.folded').length"), 0)


if __name__ == "__main__":
    unittest.main()
