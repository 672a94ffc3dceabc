"""End-to-end tests of the HTML viewer (`gradscope render SCRIPT.py -o graph.html`) in headless
Chromium driven by Playwright.

Every page is written by the real CLI from a bundled sample and opened from disk (file://),
with no server: a test fails on any console error, uncaught exception or request for anything
but the page itself. Environment: GRADSCOPE names the binary (default .build/debug/gradscope),
CHROMIUM the browser (default /usr/bin/chromium, Debian's package).

Run: python3 -m unittest discover -s Tests/Browser -v
"""

import functools
import os
import re
import subprocess
import tempfile
import time
import unittest
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
GRADSCOPE = os.environ.get("GRADSCOPE", str(ROOT / ".build/debug/gradscope"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SAMPLES = sorted((ROOT / "samples").glob("*.py"))


def training_loop(steps):
    """A training loop of a small MLP: 15 recorded ops per step, plus 2."""
    return f"""import torch

torch.manual_seed(0)
x = torch.randn(8, 16)
t = torch.randint(0, 4, (8,))
w1 = (torch.randn(16, 32) * 0.1).requires_grad_()
b1 = torch.zeros(32, requires_grad=True)
w2 = (torch.randn(32, 4) * 0.1).requires_grad_()
b2 = torch.zeros(4, requires_grad=True)

for step in range({steps}):
    h = torch.relu(x @ w1 + b1)
    loss = torch.nn.functional.cross_entropy(h @ w2 + b2, t)
    loss.backward()
    with torch.no_grad():
        for p in (w1, b1, w2, b2):
            p -= 0.01 * p.grad
            p.grad = None
"""


def render(script, out, *options):
    """Writes the page of `script` to `out` with the real CLI; returns the completed process."""
    return subprocess.run(
        [GRADSCOPE, "render", str(script), "-o", str(out), "--timeout", "600", *options],
        capture_output=True, text=True, check=False)


@functools.cache
def pages_directory():
    """A temporary directory for the pages, removed when the test process ends."""
    return tempfile.TemporaryDirectory()


@functools.cache
def sample_pages():
    """Every sample's page, written once per test process (the Chromium and Firefox tests share them)."""
    pages = {}
    for sample in SAMPLES:
        out = Path(pages_directory().name) / (sample.stem + ".html")
        result = render(sample, out)
        # detach.py ends with the in-place error on purpose: status 1, page still written.
        assert result.returncode in (0, 1), result.stderr
        pages[sample.stem] = out
    return pages


def luminance(rgb):
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_on_white(rgb):
    return 1.05 / (luminance(rgb) + 0.05)


class ViewerTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.pages = sample_pages()
        cls.playwright = sync_playwright().start()
        cls.browser = cls.playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])

    @classmethod
    def tearDownClass(cls):
        cls.browser.close()
        cls.playwright.stop()

    def setUp(self):
        self.page = self.browser.new_page(viewport={"width": 1400, "height": 900})
        self.problems = []
        self.page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.problems.append(f"uncaught: {e}"))
        self.page.on("request", self.check_request)
        self.current = None

    def check_request(self, request):
        if self.current is None or request.url.split("#")[0] != self.current.as_uri():
            self.problems.append(f"request for {request.url}")

    def tearDown(self):
        self.page.close()
        self.assertEqual(self.problems, [], "console errors or requests")

    # Helpers

    def open(self, name, fragment=""):
        self.open_path(self.pages[name], fragment)

    def open_path(self, path, fragment=""):
        self.current = path
        self.page.goto(self.current.as_uri() + fragment)
        self.page.wait_for_selector("html[data-ready=true]", timeout=20000)

    def node(self, query):
        """The id of the first node of the current view that search finds for `query`."""
        ids = self.page.evaluate("q => GS.search(q)", query)
        self.assertTrue(ids, f"no node found for {query!r}")
        return ids[0]

    def click_node(self, node_id):
        self.page.locator(f"#canvas g.node#{node_id}").click()

    def panel(self):
        return self.page.inner_text("#panel")

    def edge_colours(self):
        return self.page.evaluate(
            """() => Object.fromEntries(Array.from(document.querySelectorAll('#canvas g.edge.gradient-on'))
                 .map(e => [e.id, getComputedStyle(e.querySelector('path')).stroke]))""")

    def dimmed(self):
        return set(self.page.evaluate("() => Array.from(document.querySelectorAll('#canvas g.edge.dimmed')).map(e => e.id)"))

    # Tests

    def test_every_sample_opens_from_disk_self_contained(self):
        for name, path in self.pages.items():
            with self.subTest(sample=name):
                html = path.read_text()
                self.assertNotRegex(html, r"""(src|href)=["']https?:""")
                self.open(name)
                count = self.page.evaluate("() => document.querySelectorAll('#canvas g.node[tabindex]').length")
                self.assertGreater(count, 0)
                self.assertIn(name + ".py", self.page.title())

    def test_search_finds_a_tensor_and_centres_it(self):
        self.open("selective_backprop")
        self.page.fill("#search", "xvar")
        self.page.wait_for_selector("#search-results li[role=option]")
        self.assertIn("xvar", self.page.inner_text("#search-results"))
        self.page.press("#search", "Enter")
        selected = self.page.evaluate("() => document.querySelector('#canvas g.node.selected').id")
        self.assertEqual(self.page.evaluate("() => GS.state.node"), selected)
        self.assertRegex(self.panel(), r"^xvar tensor t\d+")
        box = self.page.locator(f"#{selected}").bounding_box()
        canvas = self.page.locator("#canvas").bounding_box()
        self.assertAlmostEqual(box["x"] + box["width"] / 2, canvas["x"] + canvas["width"] / 2, delta=3)
        self.assertAlmostEqual(box["y"] + box["height"] / 2, canvas["y"] + canvas["height"] / 2, delta=3)

    def test_search_by_line_number(self):
        self.open("no_grad")
        ids = self.page.evaluate("() => GS.search('line 10')")
        kinds = {self.page.evaluate("id => GS.record(GS.canvas.view.nodes[id][2]).record.line", i) for i in ids}
        self.assertEqual(kinds, {10})
        self.page.fill("#search", "nothing-is-called-this")
        self.assertIn("no node matches", self.page.inner_text("#search-results"))

    def test_click_tensor_shows_its_facts(self):
        self.open("no_grad")
        self.click_node(self.node("w1"))
        text = self.panel()
        self.assertRegex(text, r"^w1 tensor t\d+")
        for fact in ["shape\n(2, 2)", "dtype\ntorch.float32", "requires_grad\nTrue", "leaf (parameter)",
                     "made at\nline 7", "no backward pass sent it a gradient"]:
            self.assertIn(fact, text)

    def test_click_op_shows_grad_fn_region_and_saved_buffers(self):
        self.open("no_grad")
        self.click_node(self.node("line 10"))
        text = self.panel()
        self.assertIn("none (grad mode was off)", text)
        self.assertIn("no_grad · lines 9–10", text)
        self.open("retain_graph_hooks")
        mul = [i for i in self.page.evaluate("() => GS.search('MulBackward0')")
               if "freed by backward pass 1" in self.page.evaluate(
                   "id => JSON.stringify(GS.record(GS.canvas.view.nodes[id][2]).record.saved)", i)]
        self.assertTrue(mul)
        self.click_node(mul[0])
        text = self.panel()
        self.assertIn("MulBackward0", text)
        self.assertIn("Saved for backward", text)
        self.assertRegex(text, r"freed by backward pass 1 \(line \d+\) \(no retain_graph\)")

    def test_panel_shows_values_and_op_attributes(self):
        # The values are PyTorch's repr of x.detach() (tutorial.py prints x itself, with its
        # requires_grad suffix); the attributes are what grad_fn._saved_* give in PyTorch.
        self.open("tutorial")
        self.click_node(self.node("x"))
        self.assertEqual(self.page.inner_text("#panel pre.values"), "tensor([[1., 1.],\n        [1., 1.]])")
        self.click_node(self.node("AddBackward0"))
        self.assertIn("Attributes\nalpha\n1", self.panel())
        self.click_node(self.node("PowBackward0"))
        self.assertIn("exponent\n2", self.panel())

    def test_panel_shows_aliases_code_grads_per_pass_and_what_became_of_saved_buffers(self):
        self.open("no_grad")
        self.click_node(self.node("w1"))
        self.assertIn("made at\nline 7 w1 = torch.tensor([[0.5, -1.], [1., 0.25]], requires_grad=True)", self.panel())
        self.open("selective_backprop")
        self.click_node(self.node("xvar"))
        grads = self.page.evaluate("() => Array.from(document.querySelectorAll('#panel li')).map(l => l.textContent)")
        passes = self.page.evaluate("() => GS.data.passes.map(p => p.label)")
        self.assertEqual([g.split(":")[0] for g in grads], passes)
        self.open("retain_graph_hooks")
        self.click_node(self.node("output"))
        self.assertRegex(self.panel(), r"also named\n(out|output)\n")
        kept = [i for i in self.page.evaluate("() => GS.search('MulBackward0')")
                if "kept by retain_graph" in self.page.evaluate(
                    "id => JSON.stringify(GS.record(GS.canvas.view.nodes[id][2]).record.saved)", i)]
        self.assertTrue(kept)
        self.click_node(kept[0])
        self.assertRegex(self.panel(), r"kept by retain_graph=True in backward pass 0 \(line \d+\)")
        self.open("detach")
        invalidated = [i for i in self.page.evaluate("() => Object.keys(GS.canvas.view.nodes)")
                       if "invalidated" in self.page.evaluate(
                           "id => JSON.stringify((GS.record(GS.canvas.view.nodes[id][2]) || {}).record || {})", i)]
        self.assertTrue(invalidated)
        self.click_node(invalidated[0])
        self.assertRegex(self.panel(), r"invalidated: modified in place by zero_ at line \d+")

    def test_a_large_tensor_shows_its_shape_and_summary(self):
        script = Path(pages_directory().name) / "big_tensor.py"
        script.write_text("import torch\n\nbig = torch.ones(40, 40, requires_grad=True)\n(big * 2).sum().backward()\n")
        page = script.with_suffix(".html")
        self.assertEqual(render(script, page).returncode, 0)
        self.open_path(page)
        self.click_node(self.node("big"))
        self.assertRegex(self.page.inner_text("#panel pre.values"), r"40, 40.*min 1.*max 1.*mean 1")

    def test_search_finds_a_module_call(self):
        self.open("mlp_module")
        self.page.fill("#search", "model.fc1")
        self.page.wait_for_selector("#search-results li[role=option]")
        self.page.press("#search", "Enter")
        self.assertIn("model.fc1", self.panel())

    def test_a_tensor_changed_in_place_shows_each_version(self):
        self.open("detach")
        out = self.node("out")
        self.click_node(out)
        # detach.py zeroes `c = out.detach()` in place: `out` shares its version counter.
        values = self.page.evaluate("() => Array.from(document.querySelectorAll('#panel pre.values')).map(p => p.textContent)")
        self.assertEqual(values, ["tensor([0.7311, 0.8808, 0.9526])", "tensor([0., 0., 0.])"])
        text = self.panel()
        self.assertIn("at version 0", text)
        self.assertIn("at version 1", text)

    def test_a_long_history_says_which_versions_the_page_left_out(self):
        # weight is updated in place 40 times (versions 0-40); the page keeps the values of the
        # first 3 and the last 10 versions (ViewerValues) and names the versions left out between.
        script = Path(pages_directory().name) / "updated_40_times.py"
        script.write_text("import torch\n\nweight = torch.tensor([1., 2.], requires_grad=True)\n"
                          "for step in range(40):\n    (weight * weight).sum().backward()\n"
                          "    with torch.no_grad():\n        weight -= 0.1 * weight.grad\n    weight.grad = None\n")
        page = script.with_suffix(".html")
        self.assertEqual(render(script, page).returncode, 0)
        self.open_path(page)
        self.click_node(self.node("weight"))
        note = "versions 3–30 not kept in this page (28 recorded versions)"
        self.assertEqual(self.page.inner_text("#panel p.omitted"), note)
        self.assertEqual(self.page.locator("#panel pre.values").count(), 13)
        text = self.panel()
        self.assertLess(text.index("at version 2\n"), text.index(note))
        self.assertLess(text.index(note), text.index("at version 31\n"))
        self.assertIn("at version 40\n", text)

    def test_switching_passes_recolours_edges(self):
        self.open("selective_backprop")
        passes = self.page.evaluate("() => GS.data.passes.length")
        self.assertGreaterEqual(passes, 2)
        seen = []
        for p in range(passes):
            self.page.select_option("#pass-select", str(p))
            colours = self.edge_colours()
            self.assertTrue(colours, f"pass {p} coloured no edge")
            for colour in colours.values():
                rgb = tuple(int(v) for v in re.findall(r"\d+", colour)[:3])
                self.assertGreaterEqual(contrast_on_white(rgb), 3.0, colour)
            seen.append((colours, self.dimmed()))
            roots = self.page.evaluate("() => Array.from(document.querySelectorAll('#canvas g.node.pass-root')).map(n => n.id)")
            self.assertTrue(roots, f"pass {p} outlined no root")
        self.assertNotEqual(seen[0], seen[1])
        self.assertEqual(self.page.evaluate("() => GS.state.pass"), passes - 1)
        self.page.select_option("#pass-select", "")
        self.assertEqual(self.edge_colours(), {})
        self.assertEqual(self.dimmed(), set())

    def centre_of(self, element_id):
        box = self.page.locator(f"#{element_id}").bounding_box()
        return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2

    def assert_same_place(self, before, after):
        self.assertAlmostEqual(before[0], after[0], delta=2)
        self.assertAlmostEqual(before[1], after[1], delta=2)

    def test_unfold_and_fold_a_loop_in_place(self):
        self.open("training_loop")
        self.assertEqual(self.page.input_value("#view-select"), "main")
        folded = self.page.evaluate("() => document.querySelector('#canvas g.node.folded').id")
        before = self.page.evaluate("() => document.querySelectorAll('#canvas g.node[tabindex]').length")
        self.click_node(folded)
        self.assertRegex(self.panel(), r"stands for \d+ recorded nodes")
        place, scale = self.centre_of(folded), self.page.evaluate("() => GS.canvas.transform().scale")
        self.page.click("#panel button[data-view=unfolded]")
        self.assertEqual(self.page.input_value("#view-select"), "unfolded")
        after = self.page.evaluate("() => document.querySelectorAll('#canvas g.node[tabindex]').length")
        self.assertGreater(after, before)
        # Expanded in place: the node of the iteration the folded node showed is where the
        # folded node was, at the same zoom.
        expanded = self.page.evaluate("() => GS.state.node")
        self.assertIsNotNone(expanded)
        self.assert_same_place(place, self.centre_of(expanded))
        self.assertAlmostEqual(self.page.evaluate("() => GS.canvas.transform().scale"), scale, places=6)
        self.page.select_option("#view-select", "main")
        self.assertEqual(self.page.evaluate("() => document.querySelectorAll('#canvas g.node[tabindex]').length"), before)

    def test_collapse_and_expand_a_module_call_in_place(self):
        self.open("mlp_module")
        label = self.page.locator("#canvas g.cluster.module text", has_text="fc1: Linear").first
        label.click()
        self.assertIn("model.fc1", self.panel())
        cluster = self.page.evaluate("() => document.querySelector('#panel button[data-view]').dataset.from")
        place = self.centre_of(cluster)
        self.page.click("#panel button[data-view=depth1]")
        self.assertEqual(self.page.input_value("#view-select"), "depth1")
        selected = self.page.evaluate("() => GS.state.node")
        self.assertRegex(selected, r"module\d+")
        self.assertIn("Expand", self.panel())
        # The collapsed call's node takes the cluster's place, and expanding puts it back.
        self.assert_same_place(place, self.centre_of(selected))
        self.page.click("#panel button[data-view=main]")
        self.assertEqual(self.page.input_value("#view-select"), "main")
        self.assert_same_place(place, self.centre_of(cluster))
        self.assertGreater(self.page.evaluate("() => document.querySelectorAll('#canvas g.cluster.module').length"), 1)

    def test_wheel_zooms_drag_pans_and_fit_shows_everything(self):
        self.open("mlp_module")
        canvas = self.page.locator("#canvas").bounding_box()
        x, y = canvas["x"] + canvas["width"] / 2, canvas["y"] + canvas["height"] / 2
        start = self.page.evaluate("() => GS.canvas.transform()")
        self.page.mouse.move(x, y)
        self.page.mouse.wheel(0, -300)
        self.page.wait_for_function("s => GS.canvas.transform().scale > s", arg=start["scale"])
        zoomed = self.page.evaluate("() => GS.canvas.transform()")
        self.page.mouse.down()
        self.page.mouse.move(x + 120, y + 60, steps=5)
        self.page.mouse.up()
        dragged = self.page.evaluate("() => GS.canvas.transform()")
        self.assertAlmostEqual(dragged["x"] - zoomed["x"], 120, delta=2)
        self.assertAlmostEqual(dragged["y"] - zoomed["y"], 60, delta=2)
        self.page.click("#fit")
        graph = self.page.locator("#canvas g.graph").bounding_box()
        self.assertGreaterEqual(graph["x"], canvas["x"] - 1)
        self.assertGreaterEqual(graph["y"], canvas["y"] - 1)
        self.assertLessEqual(graph["x"] + graph["width"], canvas["x"] + canvas["width"] + 1)
        self.assertLessEqual(graph["y"] + graph["height"], canvas["y"] + canvas["height"] + 1)

    def test_moves_the_viewer_makes_are_drawn_at_once(self):
        # Panzoom draws on the next animation frame; the viewer's own moves draw at once, so
        # what is measured in the same task (as `reveal` does) is what the user sees.
        self.open("mlp_module")
        self.page.evaluate("() => GS.canvas.zoomBy(6)")
        self.page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        inside = self.page.evaluate(
            """() => {
                GS.canvas.fit();
                const g = document.querySelector('#canvas g.graph').getBoundingClientRect();
                const c = document.getElementById('canvas').getBoundingClientRect();
                return g.left >= c.left - 1 && g.top >= c.top - 1 && g.right <= c.right + 1 && g.bottom <= c.bottom + 1;
            }"""
        )
        self.assertTrue(inside, "the fitted graph was not drawn inside the canvas in the same task")
        drawn = self.page.evaluate(
            """() => {
                GS.canvas.panBy(40, -25);
                const t = GS.canvas.transform();
                return [GS.canvas.viewport.getAttribute('transform'), `matrix(${t.scale} 0 0 ${t.scale} ${t.x} ${t.y})`];
            }"""
        )
        self.assertEqual(drawn[0], drawn[1])

    def test_why_mode_highlights_the_no_grad_cut(self):
        self.open("no_grad")
        self.page.click("#why-toggle")
        self.assertEqual(self.page.get_attribute("#why-toggle", "aria-pressed"), "true")
        w1 = self.node("w1")
        self.click_node(w1)
        mm = [i for i in self.page.evaluate("() => GS.search('line 10')")
              if self.page.evaluate("id => GS.canvas.view.nodes[id][0]", i) == "op"][0]
        cut = set(self.page.evaluate("() => Array.from(document.querySelectorAll('#canvas .why-cut')).map(e => e.id)"))
        self.assertIn(w1, cut)
        self.assertIn(mm, cut)
        self.assertTrue(any(e.startswith(f"e_{w1}_{mm}_") for e in cut), cut)
        self.assertEqual(self.page.evaluate("() => document.querySelectorAll('#canvas .why-path').length"), 0)
        # The same sentences `gradscope why` prints.
        cli = subprocess.run([GRADSCOPE, "why", str(ROOT / "samples/no_grad.py"), "w1"],
                             capture_output=True, text=True, check=True).stdout
        self.assertEqual(self.page.inner_text("#panel pre.why-text").strip(), cli.strip())
        # A tensor that got its gradient: its path is highlighted, nothing is cut.
        self.click_node(self.node("w2"))
        path = self.page.evaluate("() => document.querySelectorAll('#canvas .node.why-path').length")
        self.assertGreaterEqual(path, 3)
        self.assertEqual(self.page.evaluate("() => document.querySelectorAll('#canvas .why-cut').length"), 0)

    def test_state_survives_a_reload_through_the_fragment(self):
        self.open("selective_backprop")
        self.page.select_option("#pass-select", "0")
        node = self.node("xvar")
        self.click_node(node)
        self.page.click("#zoom-in")
        transform = self.page.evaluate("() => GS.canvas.transform()")
        # The fragment follows the zoom once it settles.
        self.page.wait_for_function(
            "s => new URLSearchParams(location.hash.slice(1)).get('zoom').startsWith(String(Math.round(s * 1000) / 1000))",
            arg=transform["scale"])
        url = self.page.url
        self.page.goto("about:blank")
        self.current = self.pages["selective_backprop"]
        self.page.goto(url)
        self.page.wait_for_selector("html[data-ready=true]")
        self.assertEqual(self.page.evaluate("() => GS.state.pass"), 0)
        self.assertEqual(self.page.evaluate("() => GS.state.node"), node)
        self.assertIn("selected", self.page.get_attribute(f"#{node}", "class"))
        restored = self.page.evaluate("() => GS.canvas.transform()")
        self.assertAlmostEqual(restored["scale"], transform["scale"], places=2)

    def test_why_mode_survives_a_reload_through_the_fragment(self):
        self.open("no_grad")
        self.page.click("#why-toggle")
        self.click_node(self.node("w1"))
        text = self.page.inner_text("#panel pre.why-text")
        self.page.wait_for_function("() => new URLSearchParams(location.hash.slice(1)).has('why')")
        self.page.reload()
        self.page.wait_for_selector("html[data-ready=true]")
        self.assertEqual(self.page.get_attribute("#why-toggle", "aria-pressed"), "true")
        self.assertEqual(self.page.inner_text("#panel pre.why-text"), text)

    def test_keyboard_moves_between_nodes_and_zooms(self):
        self.open("tutorial")
        self.page.focus("#canvas")
        before = self.page.evaluate("() => GS.canvas.transform()")
        self.page.keyboard.press("+")
        self.assertGreater(self.page.evaluate("() => GS.canvas.transform().scale"), before["scale"])
        zoomed = self.page.evaluate("() => GS.canvas.transform()")
        self.page.keyboard.press("ArrowLeft")
        self.assertAlmostEqual(self.page.evaluate("() => GS.canvas.transform().x") - zoomed["x"], 60, delta=0.5)
        self.page.keyboard.press("f")
        self.assertAlmostEqual(self.page.evaluate("() => GS.canvas.transform().scale"), before["scale"], places=6)
        self.page.keyboard.press("Tab")
        first = self.page.evaluate("() => document.activeElement.id")
        self.assertTrue(self.page.evaluate("() => document.activeElement.matches('#canvas g.node')"))
        self.page.keyboard.press("Tab")
        second = self.page.evaluate("() => document.activeElement.id")
        self.assertNotEqual(first, second)
        outline = self.page.evaluate(
            "() => getComputedStyle(document.activeElement.querySelector('path, polygon, ellipse')).stroke")
        self.assertEqual(outline, "rgb(194, 24, 91)")
        self.page.keyboard.press("Enter")
        self.assertEqual(self.page.evaluate("() => GS.state.node"), second)

    def test_labels_are_at_least_nine_pixels_at_full_size(self):
        # 100% zoom is the picture's own size: Graphviz's points become 4/3 CSS pixels, so the
        # smallest label (the legend box's 7 pt samples) is 9.3 px.
        for name in ["mlp_module", "training_loop", "retain_graph_hooks"]:
            self.open(name)
            # Each label's size at 100%: its font size scaled by the transforms below the zoom.
            sizes = self.page.evaluate(
                """() => Array.from(document.querySelectorAll('#canvas text'))
                     .map(t => parseFloat(getComputedStyle(t).fontSize)
                               * GS.canvas.viewport.getScreenCTM().inverse().multiply(t.getScreenCTM()).a)""")
            self.assertTrue(sizes)
            self.assertGreaterEqual(min(sizes), 9, name)

    def test_the_vendored_pan_zoom_library_carries_its_licence(self):
        html = self.pages["tutorial"].read_text()
        self.assertIn("panzoom (github.com/anvaka/panzoom)", html)
        self.assertIn("Permission is hereby granted, free of charge", html)
        self.open("tutorial")
        self.assertEqual(self.page.evaluate("() => typeof panzoom"), "function")

    def test_readme_shows_the_viewer_screenshots(self):
        readme = (ROOT / "README.md").read_text()
        shots = re.findall(r"!\[[^\]]*\]\((docs/images/viewer_[^)]+\.png)\)", readme)
        self.assertGreaterEqual(len(shots), 3)
        for shot in shots:
            self.assertEqual((ROOT / shot).read_bytes()[:8], b"\x89PNG\r\n\x1a\n", shot)

    def test_legend_can_be_hidden(self):
        self.open("selective_backprop")
        self.assertTrue(self.page.is_visible("#viewer-legend"))
        self.assertTrue(self.page.is_visible("#canvas g.cluster.legend"))
        self.page.click("#legend-toggle")
        self.assertFalse(self.page.is_visible("#viewer-legend"))
        self.assertFalse(self.page.is_visible("#canvas g.cluster.legend"))
        self.assertIn("legend=off", self.page.url)

    def test_text_has_three_to_one_contrast(self):
        for name in ["selective_backprop", "no_grad", "training_loop"]:
            self.open(name)
            fills = self.page.evaluate(
                """() => Array.from(document.querySelectorAll('#canvas g.node text, #canvas g.edge text, #panel, .toolbar label'))
                     .map(t => getComputedStyle(t)[t instanceof SVGElement ? 'fill' : 'color'])""")
            for fill in set(fills):
                rgb = tuple(int(v) for v in re.findall(r"\d+", fill)[:3])
                with self.subTest(sample=name, colour=fill):
                    self.assertGreaterEqual(contrast_on_white(rgb), 3.0)


class LargeGraphTests(unittest.TestCase):
    """A 5,000-op training loop opens in under 2 s (the page's own ready signal)."""

    def test_five_thousand_op_loop_opens_in_under_two_seconds(self):
        with tempfile.TemporaryDirectory() as d:
            script = Path(d) / "loop5k.py"
            script.write_text(training_loop(334))
            page_path = Path(d) / "loop5k.html"
            result = render(script, page_path)
            self.assertEqual(result.returncode, 0, result.stderr)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                errors = []
                page.on("pageerror", lambda e: errors.append(str(e)))
                start = time.monotonic()
                page.goto(page_path.as_uri())
                page.wait_for_selector("html[data-ready=true]", timeout=20000)
                seconds = time.monotonic() - start
                browser.close()
            print(f"\n5,000-op loop ({page_path.stat().st_size} bytes) opened in {seconds:.2f} s")
            self.assertEqual(errors, [])
            self.assertLess(seconds, 2.0)


if __name__ == "__main__":
    unittest.main()
