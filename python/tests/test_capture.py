"""gradscope_capture under real PyTorch: what a recording contains, the command line's
behaviour on good and bad input, and determinism. Run: PYTHONPATH=python python -m unittest
discover python/tests (needs torch)."""
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import unittest

import torch

import gradscope_capture

PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def capture(source, *options):
    """(status, stderr, graph or None) of `python -m gradscope_capture` on `source`."""
    with tempfile.TemporaryDirectory() as tmp:
        script, out = os.path.join(tmp, "script.py"), os.path.join(tmp, "graph.json")
        with open(script, "w") as f:
            f.write(textwrap.dedent(source))
        env = dict(os.environ, PYTHONPATH=PACKAGE, OMP_NUM_THREADS="1")
        r = subprocess.run([sys.executable, "-m", "gradscope_capture", script, *options, "-o", out],
                           env=env, capture_output=True, text=True, timeout=300)
        if not os.path.exists(out):
            return r.returncode, r.stderr, None
        with open(out) as f:
            return r.returncode, r.stderr, json.load(f)


class RecordTests(unittest.TestCase):
    def test_ops_nodes_saved_buffers_and_the_pass(self):
        x = torch.ones(2, 2, requires_grad=True)
        with gradscope_capture.record() as g:
            y = x + 2
            z = (y * y).mean()
            z.backward()
        graph = json.loads(g.json())
        self.assertEqual([o["name"] for o in graph["ops"]], ["add", "mul", "mean"])
        self.assertEqual([n["name"] for n in graph["nodes"]], ["AccumulateGrad", "AddBackward0", "MulBackward0", "MeanBackward0"])
        mul = graph["nodes"][2]
        self.assertEqual(mul["next"], [[1, 0], [1, 0]])
        self.assertEqual([(s["name"], s["state"], s["freed_by_pass"]) for s in mul["saved"]], [("other/self", "freed", 0)])
        p = graph["backward_passes"][0]
        self.assertEqual(p["canonical"], "CALL backward | 0=MeanBackward0(1) 1=MulBackward0(2,2) 2=AddBackward0(3,-) 3=AccumulateGrad()")
        self.assertEqual(p["executed"], [3, 2, 1, 0])
        self.assertEqual(p["accumulated"][0]["grad"]["values"], [1.5, 1.5, 1.5, 1.5])
        self.assertEqual(graph["tensors"][0]["leaf_role"], "parameter")
        self.assertEqual(graph["tensors"][graph["ops"][0]["outputs"][0]]["names"], ["y"])

    def test_no_grad_regions_detaches_and_retained_buffers(self):
        w = torch.ones(3, requires_grad=True)
        with gradscope_capture.record() as g:
            with torch.no_grad():
                h = w * 2
            d = w.detach()
            e = (w.exp() * d).sum()
            e.backward(retain_graph=True)
        graph = json.loads(g.json())
        self.assertEqual([r["kind"] for r in graph["regions"]], ["no_grad"])
        self.assertEqual((graph["ops"][0]["region"], graph["ops"][0]["grad_enabled"], graph["ops"][0]["grad_fn"]), (0, False, None))
        self.assertEqual([(d["kind"], d["source_required_grad"]) for d in graph["detaches"]], [("detach", True)])
        exp = next(n for n in graph["nodes"] if n["name"] == "ExpBackward0")
        self.assertEqual([(s["name"], s["is_output"], s["state"]) for s in exp["saved"]], [("result", True, "retained")])
        self.assertEqual(graph["backward_passes"][0]["freed"], [])
        self.assertIn("h", [n for t in graph["tensors"] for n in t["names"]])

    def test_a_list_of_saved_tensors_is_recorded_one_buffer_per_tensor(self):
        x = torch.ones(3, 4, requires_grad=True)
        rows, cols = torch.tensor([0, 2]), torch.tensor([1, 3, 3])
        with gradscope_capture.record() as g:
            x[rows[:, None], cols].sum().backward(retain_graph=True)
            x[:, cols].sum().backward()
        graph = json.loads(g.json())
        index = [n for n in graph["nodes"] if n["name"] == "IndexBackward0"]
        self.assertEqual([[(s["name"], s["shape"], s["dtype"]) for s in n["saved"]] for n in index],
                         [[("indices", [2, 1], "torch.int64"), ("indices", [3], "torch.int64")],
                          [("indices", [3], "torch.int64")]])

    def test_a_factory_called_with_requires_grad_records_a_tensor_that_requires_grad(self):
        status, _, graph = capture("""
            import torch
            w = torch.zeros(3, 4, requires_grad=True)
            print(w.requires_grad)
            """)
        self.assertEqual(status, 0)
        self.assertEqual([(t["factory"], t["requires_grad"], t["names"]) for t in graph["tensors"]],
                         [("zeros", True, ["w"])])

    def test_argsort_is_recorded_under_its_own_name_with_the_indices_it_returns(self):
        x = torch.tensor([3.0, 1.0, 2.0], requires_grad=True)
        with gradscope_capture.record() as g:
            i = x.argsort()
            torch.sort(x)
        graph = json.loads(g.json())
        self.assertEqual([(o["name"], [graph["tensors"][t]["dtype"] for t in o["outputs"]]) for o in graph["ops"]],
                         [("argsort", ["torch.int64"]), ("sort", ["torch.float32", "torch.int64"])])
        self.assertEqual(graph["tensors"][graph["ops"][0]["outputs"][0]]["names"], ["i"])

    def test_an_assignment_through_an_index_has_the_copyslices_of_the_written_base(self):
        x = torch.zeros(3, 4, requires_grad=True)
        with gradscope_capture.record() as g:
            y = x * 2
            y[0] = 5.0
            y[1] = torch.ones(4)
        graph = json.loads(g.json())
        grad_fn = lambda o: o["grad_fn"] is not None and graph["nodes"][o["grad_fn"]]["name"]
        self.assertEqual([(o["name"], o["grad_enabled"], grad_fn(o)) for o in graph["ops"]],
                         [("mul", True, "MulBackward0"), ("select", True, "SelectBackward0"), ("fill_", True, "CopySlices"),
                          ("select", True, "SelectBackward0"), ("copy_", True, "CopySlices")])

    def test_module_calls_have_paths_and_parameters_are_named_by_them(self):
        model = torch.nn.Sequential(torch.nn.Linear(4, 3), torch.nn.ReLU())
        with gradscope_capture.record() as g:
            model(torch.randn(2, 4)).sum().backward()
        graph = json.loads(g.json())
        self.assertEqual([(m["path"], m["class"], m["summary"], m["parent"]) for m in graph["modules"]],
                         [("model", "Sequential", "", None), ("model.0", "Linear", "4→3", 0), ("model.1", "ReLU", "", 0)])
        weight = graph["modules"][1]["parameters"][0]["tensor"]
        self.assertEqual(graph["tensors"][weight]["label"], "0.weight")

    def test_a_lazy_modules_parameters_are_recorded_once_materialised(self):
        model = torch.nn.LazyLinear(3)
        with gradscope_capture.record() as g:
            model(torch.randn(2, 5)).sum().backward()
        graph = json.loads(g.json())
        weight = graph["modules"][0]["parameters"][0]["tensor"]
        self.assertEqual((graph["tensors"][weight]["shape"], graph["tensors"][weight]["label"]), ([3, 5], "weight"))

    def test_a_no_grad_view_whose_base_changed_in_place_is_recorded_without_its_grad_fn(self):
        with gradscope_capture.record() as g:
            w = torch.ones(3, requires_grad=True).clone()
            with torch.no_grad():
                v = w[:2]
            w.mul_(2)  # from now on reading v's grad_fn raises "A view was created in no_grad mode ..."
        graph = json.loads(g.json())
        self.assertEqual([o["name"] for o in graph["ops"]], ["clone", "slice", "mul_"])
        view = graph["tensors"][graph["ops"][1]["outputs"][0]]
        self.assertEqual((view["names"], view["grad_fn"]), (["v"], None))

    def test_the_same_run_gives_the_same_json(self):
        def run():
            torch.manual_seed(0)
            with gradscope_capture.record() as g:
                torch.nn.functional.mse_loss(torch.nn.Linear(3, 1)(torch.randn(5, 3)), torch.zeros(5, 1)).backward()
            return g.json()
        self.assertEqual(run(), run())

    def test_the_graph_file_gets_an_ordinary_files_mode(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "graph.json")
            with gradscope_capture.record() as g:
                torch.ones(2).sum()
            old = os.umask(0o022)
            try:
                g.save(path)
            finally:
                os.umask(old)
            self.assertEqual(os.stat(path).st_mode & 0o777, 0o644)

    def test_json_before_the_block_ends_is_refused(self):
        with gradscope_capture.record() as g:
            with self.assertRaises(RuntimeError):
                g.json()


class CommandLineTests(unittest.TestCase):
    def test_a_script_is_captured_with_its_lines_and_the_error_field(self):
        status, _, graph = capture("""\
            import torch
            a = torch.tensor([1., 2.], requires_grad=True)
            b = a.sigmoid()
            b.sum().backward()
            """)
        self.assertEqual(status, 0)
        self.assertEqual(graph["schema"], "gradscope.graph/2")
        self.assertEqual([(o["name"], o["line"]) for o in graph["ops"]], [("sigmoid", 3), ("sum", 4)])
        self.assertEqual(graph["backward_passes"][0]["line"], 4)
        self.assertIsNone(graph["error"])

    def test_a_missing_script_exits_2_and_writes_nothing(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "g.json")
            r = subprocess.run([sys.executable, "-m", "gradscope_capture", "nosuch.py", "-o", out],
                               env=dict(os.environ, PYTHONPATH=PACKAGE), capture_output=True, text=True)
            self.assertEqual(r.returncode, 2)
            self.assertIn("cannot read nosuch.py", r.stderr)
            self.assertEqual(os.listdir(tmp), [])

    def test_usage_errors_exit_2(self):
        r = subprocess.run([sys.executable, "-m", "gradscope_capture", "x.py", "--max-ops", "many", "-o", "g.json"],
                           env=dict(os.environ, PYTHONPATH=PACKAGE), capture_output=True, text=True)
        self.assertEqual(r.returncode, 2)
        self.assertIn("--max-ops needs a whole number", r.stderr)

    def test_a_raising_script_exits_1_without_a_file_unless_asked(self):
        source = """\
            import torch
            x = torch.ones(2, requires_grad=True)
            x.add_(1)
            """
        status, stderr, graph = capture(source)
        self.assertEqual((status, graph), (1, None))
        self.assertIn("a leaf Variable that requires grad is being used in an in-place operation", stderr)
        status, _, graph = capture(source, "--keep-error-graph")
        self.assertEqual(status, 1)
        self.assertEqual((graph["error"]["type"], graph["error"]["line"]), ("RuntimeError", 3))

    def test_max_ops_bounds_the_ops_and_says_what_it_dropped(self):
        status, stderr, graph = capture("""\
            import torch
            x = torch.ones(3, requires_grad=True)
            for i in range(10):
                x = x * 2
            """, "--max-ops", "4")
        self.assertEqual(status, 0)
        self.assertEqual(len(graph["ops"]), 4)
        self.assertIn("--max-ops 4: left out 6 later ops", stderr)

    def test_script_arguments_reach_the_script(self):
        status, _, graph = capture("""\
            import sys, torch
            x = torch.ones(int(sys.argv[1]))
            y = x * 2
            """, "5")
        self.assertEqual(status, 0)
        self.assertEqual(graph["tensors"][graph["ops"][0]["outputs"][0]]["shape"], [5])


if __name__ == "__main__":
    unittest.main()
