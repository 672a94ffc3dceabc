"""Backward passes (`backward()`, `torch.autograd.backward()`, `torch.autograd.grad()`): the nodes
the engine ran and the gradient each sent along each edge (node hooks), the leaves' `.grad`,
and which saved buffers the pass freed."""
import weakref

import torch
from torch.autograd.graph import get_gradient_edge
from torch.utils._python_dispatch import _disable_current_modes

from .frames import user_line
from .nodes import node_name
from .ops import resolve
from .state import version_of
from .summary import summarize


def canonical(kind, roots):
    """The conformance form `CALL kind | 0=Name(1,-) ...` of the graph below `roots`."""
    ids, out = {}, []

    def visit(fn):
        if fn is None:
            return "-"
        if fn in ids:
            return str(ids[fn])
        i = ids[fn] = len(out)
        out.append(None)
        kids = [visit(n) for n, _ in fn.next_functions]
        out[i] = f"{i}={node_name(fn)}({','.join(kids)})"
        return str(i)

    for r in roots:
        visit(r)
    return f"CALL {kind} | {' '.join(out)}" if out else None


def tensors_of(x):
    """The tensors of a tensor-or-sequence argument (None: none)."""
    if x is None:
        return []
    return [x] if isinstance(x, torch.Tensor) else [t for t in x if isinstance(t, torch.Tensor)]


class _Summaries:
    """The summaries of one pass's gradients. The engine hands the same tensor to the edge that
    sends it, to the AccumulateGrad that receives it and (stolen) to `.grad`: each is summarised
    once while its version is unchanged. Weak references: the pass keeps no gradient alive."""

    def __init__(self):
        self.seen = {}  # id(tensor) -> (weak reference, version, summary)

    def of(self, t):
        """The summary of `t` (None stays None)."""
        if t is None:
            return None
        hit, version = self.seen.get(id(t)), version_of(t)
        if hit is not None and hit[0]() is t and hit[1] == version:
            return hit[2]
        summary = summarize(t)
        self.seen[id(t)] = (weakref.ref(t), version, summary)
        return summary


class Passes:
    """Runs backward calls under the capture's node hooks."""

    def __init__(self, cap):
        self.cap = cap
        self.hooked = set()  # node ids with our hook
        self.active = None  # the pass record whose nodes are running

    def run(self, kind, call, roots, inputs, retain_graph, create_graph):
        """Call `call()` (the real backward) and record it as pass `kind` over `roots`."""
        cap, nodes = self.cap, self.cap.node_table
        resolve(cap)
        cap.bind_names()
        line = user_line()
        fns = [t.grad_fn for t in roots if t.grad_fn is not None]
        # A leaf root runs only its AccumulateGrad, which is no grad_fn (the canonical form omits it).
        cap.busy += 1  # get_gradient_edge runs torch code of its own
        try:
            starts = [t.grad_fn or get_gradient_edge(t).node for t in roots if t.grad_fn is not None or t.requires_grad]
        finally:
            cap.busy -= 1
        root_nodes = [nodes.node(fn, line) for fn in starts]
        self._hook(starts)
        retain = create_graph if retain_graph is None else bool(retain_graph)
        record = {
            "id": len(cap.passes), "kind": kind, "line": line, "roots": root_nodes,
            "root_tensors": [cap.track(t, "untracked", line) for t in roots],
            "inputs": [cap.track(t, "untracked", line) for t in inputs], "retain_graph": retain,
            "create_graph": bool(create_graph), "ops_before": len(cap.ops), "tensors_before": len(cap.tensors),
            "executed": [], "edges": [], "accumulated": [], "freed": [], "hooks": [], "error": None,
            "anomaly": None, "canonical": canonical(kind, fns), "_incoming": [], "_summaries": _Summaries(),
        }
        cap.passes.append(record)
        outer, self.active = self.active, record
        previous = cap.current_pass
        if create_graph:
            cap.current_pass = record["id"]
        else:
            cap.busy += 1
        try:
            if create_graph:
                result = call()
            else:  # the engine's own ops are not recorded: run them without the modes' overhead
                with _disable_current_modes():
                    result = call()
        except Exception as e:
            record["error"] = {"line": line, "type": type(e).__name__, "message": str(e)}
            raise
        finally:
            if create_graph:
                resolve(cap)
                cap.current_pass = previous
            else:
                cap.busy -= 1
            self.active = outer
            self._finish(record, retain)
        return result

    def _hook(self, fns):
        """Put a post hook on every node below `fns` that has none yet."""
        nodes, stack = self.cap.node_table, list(fns)
        while stack:
            fn = stack.pop()
            nid = nodes.ids.get(fn)
            if nid is None:
                nid = nodes.node(fn, user_line())
            if nid in self.hooked:
                continue
            self.hooked.add(nid)
            fn.register_hook(self._node_hook(nid, fn))
            stack.extend(nf for nf, _ in fn.next_functions if nf is not None)

    def _node_hook(self, nid, fn):
        cap = self.cap

        def hook(grad_inputs, grad_outputs):
            record = self.active
            if record is None:
                return None
            if record["create_graph"]:  # the capture's modes are on: keep its own kernels out of them
                with _disable_current_modes():
                    self._record_node(record, nid, grad_inputs, grad_outputs)
            else:
                self._record_node(record, nid, grad_inputs, grad_outputs)
            return None

        return hook

    def _record_node(self, record, nid, grad_inputs, grad_outputs):
        """Node `nid` ran in pass `record`: list it, summarise what it sent along each edge and,
        for AccumulateGrad, what it received."""
        cap = self.cap
        cap.busy += 1
        try:
            record["executed"].append(nid)
            node = cap.nodes[nid]
            edges, count, summaries = record["edges"], len(grad_inputs), record["_summaries"]
            for index, (to, input_nr) in enumerate(node["next"]):
                if to is not None:
                    g = grad_inputs[index] if index < count else None
                    edges.append({"from": nid, "index": index, "to": to, "input_nr": input_nr, "grad": summaries.of(g)})
            if node["name"] == "AccumulateGrad" and grad_outputs:
                record["_incoming"].append((node["variable"], summaries.of(grad_outputs[0])))
        finally:
            cap.busy -= 1

    def _finish(self, record, retain):
        """Leaves' accumulated gradients and the saved buffers the pass freed."""
        cap = self.cap
        cap.busy += 1
        try:
            summaries = record.pop("_summaries")
            with _disable_current_modes():
                for tid, grad in record.pop("_incoming"):
                    t = cap.live_tensor(tid)
                    if record["kind"] == "backward" and t is not None:
                        record["accumulated"].append({"tensor": tid, "grad": grad, "total": summaries.of(t.grad)})
        finally:
            cap.busy -= 1
        if retain or record["error"] is not None:
            return
        for nid in record["executed"]:
            saved = [s for s in cap.nodes[nid]["saved"] if s["state"] == "retained"]
            for s in saved:
                s["state"], s["freed_by_pass"] = "freed", record["id"]
            if saved:
                record["freed"].append(nid)
