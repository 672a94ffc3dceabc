"""Autograd nodes: their class names, next_functions, AccumulateGrad variables and saved
buffers, read through the node's `_saved_*` attributes right after the op made the node.
(saved_tensors_hooks are not used: with a pack hook installed PyTorch skips its check that a
saved tensor was not modified in place, which would change what the script does.)"""
import torch

from .state import version_of

_saved_roles = {}  # node class -> names of its saved values
_not_tensors = set()  # (node class, role) whose saved value is an int, a size, a Scalar...: never a tensor


def node_name(fn):
    """PyTorch's class name of a grad_fn (`MulBackward0`, `AccumulateGrad`, `FooBackward`)."""
    return fn.name().split("::")[-1]


def roles(fn):
    """The `_saved_X` roles of a node's class."""
    cls = type(fn)
    found = _saved_roles.get(cls)
    if found is None:
        found = sorted(n[len("_saved_"):] for n in dir(cls) if n.startswith("_saved_"))
        _saved_roles[cls] = found
    return found


class NodeTable:
    """Maps live grad_fn objects to node records of a Capture."""

    def __init__(self, cap):
        self.cap = cap
        self.ids = {}  # grad_fn -> node id (grad_fns hash by identity)
        self.live = []  # node id -> grad_fn, kept so later passes can be matched

    def node(self, fn, line, op=None):
        """The id of grad_fn `fn`, recording it (after its next functions) when new."""
        nid = self.ids.get(fn)
        if nid is not None:
            return nid
        nexts = [(self.node(nf, line) if nf is not None else None, nr) for nf, nr in fn.next_functions]
        nid = len(self.cap.nodes)
        self.ids[fn] = nid
        self.live.append(fn)
        name = node_name(fn)
        variable = None
        if name == "AccumulateGrad":
            variable = self.cap.track(fn.variable, "untracked", line)
            self.cap.tensors[variable]["accumulate_grad"] = nid
        self.cap.nodes.append({
            "id": nid, "name": name, "line": line, "op": op, "next": [list(e) for e in nexts],
            "saved": self.saved(fn, op), "variable": variable, "pass": self.cap.current_pass,
        })
        return nid

    def saved(self, fn, op):
        """The Saved records of a new node, roles holding the same storage joined."""
        outputs = {_ptr(self.cap.live_tensor(t)) for t in self.cap.ops[op]["outputs"]} if op is not None else set()
        groups = {}
        self.cap.busy += 1
        try:
            cls = type(fn)
            for role in roles(fn):
                if (cls, role) in _not_tensors:
                    continue
                try:
                    value = getattr(fn, "_saved_" + role)
                except RuntimeError:
                    continue
                tensors = _saved_tensors(value)
                if tensors is None:
                    _not_tensors.add((cls, role))
                    continue
                for t in tensors:
                    key = (_ptr(t), tuple(t.shape), t.dtype)
                    groups.setdefault(key, []).append((role, t))
        finally:
            self.cap.busy -= 1
        result = []
        for (ptr, shape, dtype), members in groups.items():
            t = members[0][1]
            result.append({
                "name": "/".join(sorted(r for r, _ in members)), "shape": list(shape), "dtype": str(dtype),
                "bytes": t.numel() * t.element_size(), "saved_version": version_of(t),
                "is_output": ptr in outputs and ptr is not None, "state": "retained", "freed_by_pass": None,
                "invalidated": None, "_ptr": ptr, "_role": members[0][0],
            })
        return sorted(result, key=lambda s: s["name"])

    def check_saved(self):
        """Mark retained buffers that an in-place op changed after they were saved."""
        self.cap.busy += 1
        try:
            for nid, fn in enumerate(self.live):
                for s in self.cap.nodes[nid]["saved"]:
                    if s["state"] != "retained":
                        continue
                    try:
                        getattr(fn, "_saved_" + s["_role"])
                    except RuntimeError as e:
                        if "inplace" in str(e):
                            s["state"] = "invalidated"
                            s["invalidated"] = self.cap.inplace_after(s["_ptr"], s["saved_version"])
        finally:
            self.cap.busy -= 1


def _saved_tensors(value):
    """The tensors a saved value holds: itself, or the tensors of a list of them (IndexBackward0's
    `indices`, one entry per indexed dimension); [] when absent this time (an optional tensor, a
    list of Nones); None when the role never holds tensors (an int, a size, a Scalar)."""
    if isinstance(value, torch.Tensor):
        return [value]
    if value is None:
        return []
    if isinstance(value, (list, tuple)) and all(v is None or isinstance(v, torch.Tensor) for v in value):
        return [v for v in value if v is not None]
    return None


def _ptr(t):
    """A storage identity for tensors (None for tensors without storage)."""
    if t is None:
        return None
    try:
        return t.untyped_storage().data_ptr()
    except (RuntimeError, NotImplementedError):
        return None
