"""The capture's tables (tensors, ops, nodes, regions, detaches, passes, modules) and how a
live tensor maps to its record."""
import weakref

import torch

from .frames import user_frame


class Capture:
    """Everything recorded so far; ids are positions in their lists, in recording order."""

    def __init__(self, max_ops=None):
        self.max_ops = max_ops
        self.dropped_ops = 0
        self.tensors, self.ops, self.nodes = [], [], []
        self.regions, self.open_regions = [], []
        self.detaches, self.passes, self.grad_reads, self.modules = [], [], [], []
        self.error = None
        self.busy = 0  # >0 while the capture runs torch code of its own
        self.current_pass = None  # the create_graph pass whose ops are being recorded
        self.api_name = None  # the torch function the user's code is calling
        self.pending = []  # ops whose grad_fn autograd has not attached yet
        self.call_stack = []  # module calls running, innermost last
        self.param_labels = {}  # tensor id -> module path label
        self.node_table = None  # set by the recording (nodes.NodeTable)
        self._ids = {}  # id(tensor) -> (weakref, tensor id)
        self._made = {}  # id(tensor) -> (weakref, source, factory, line, region, pass): not yet used or named
        self._live = {}  # tensor id -> weakref, to read the final version
        self._named_frame = None

    # Tensors

    def tensor_id(self, t):
        """The id of a tensor already recorded, else None."""
        entry = self._ids.get(id(t))
        if entry is not None and entry[0]() is t:
            return entry[1]
        return None

    def track(self, t, source, line, factory=None, producer=None, detach=None):
        """The id of `t`, recording it with this provenance when it is new."""
        entry = self._ids.get(id(t))
        if entry is not None and entry[0]() is t:
            tid = entry[1]
            rec = self.tensors[tid]
            # An op changes the other as-last-seen fields only through the version (in place)
            # or as its output (refreshed when it is resolved); requires_grad_() changes neither.
            if rec["version"] != version_of(t) or rec["requires_grad"] != t.requires_grad:
                self.refresh(tid, t)
            return tid
        region = self.region()
        made = self._made.pop(id(t), None)
        pass_id = self.current_pass if source == "backward" else None
        if made is not None and made[0]() is t and source == "untracked":
            source, factory, line, region, pass_id = made[1:]
        elif isinstance(t, torch.nn.Parameter) and source == "untracked":
            source, factory, region = "factory", "Parameter", None  # made by nn.Parameter(), outside any region
        tid = len(self.tensors)
        self.tensors.append({
            "id": tid, "label": None, "names": [], "shape": list(t.shape), "dtype": str(t.dtype),
            "requires_grad": t.requires_grad, "is_leaf": is_leaf(t), "version": version_of(t),
            "source": source, "factory": factory, "producer": producer, "detach": detach,
            "line": line, "region": region, "grad_fn": None, "accumulate_grad": None,
            "pass": pass_id, "leaf_role": None,
        })
        ref = weakref.ref(t)
        self._ids[id(t)] = (ref, tid)
        self._live[tid] = ref
        return tid

    def made(self, t, factory, line, source="factory", pass_id=None):
        """Note a tensor made outside any recorded op (by a factory inside library code, or a
        `.grad` read); it is recorded when an op uses it or a name binds it, so scratch tensors
        made inside library kernels stay out."""
        if self.tensor_id(t) is None:
            self._made[id(t)] = (weakref.ref(t), source, factory, line, self.region(), pass_id)

    def constant(self, value, line):
        """A Python number an op wrapped into a tensor (PyTorch's wrapped-number tensor)."""
        tid = len(self.tensors)
        dtype = torch.bool if isinstance(value, bool) else torch.int64 if isinstance(value, int) else torch.float64
        self.tensors.append({
            "id": tid, "label": None, "names": [], "shape": [], "dtype": str(dtype),
            "requires_grad": False, "is_leaf": True, "version": 0, "source": "untracked",
            "factory": None, "producer": None, "detach": None, "line": line, "region": self.region(),
            "grad_fn": None, "accumulate_grad": None, "pass": None, "leaf_role": None,
        })
        return tid

    def refresh(self, tid, t):
        """Update the as-last-seen fields of tensor `tid`."""
        rec = self.tensors[tid]
        rec["requires_grad"], rec["version"], rec["shape"] = t.requires_grad, version_of(t), list(t.shape)
        try:
            rec["is_leaf"] = t.is_leaf
            if t.grad_fn is None:
                rec["grad_fn"] = None
        except RuntimeError:  # a no_grad view whose base changed in place: its grad_fn is an error
            pass

    def live_tensor(self, tid):
        """The tensor of record `tid` if it is still alive."""
        ref = self._live.get(tid)
        return ref() if ref is not None else None

    def inplace_after(self, ptr, version):
        """The first in-place op on storage `ptr` that took it past `version`, as Saved.invalidated."""
        for op in self.ops:
            if op["in_place"] and op["_ptr"] == ptr and op["_version"] > version:
                return {"line": op["line"], "op": op["name"], "version": op["_version"]}
        return None

    def region(self):
        """The innermost open grad-mode region id, or None."""
        return self.open_regions[-1] if self.open_regions else None

    # Names

    def bind_names(self, frame=None):
        """Record the names the user's frame (default: the current one) binds to recorded tensors."""
        frame = frame or user_frame()
        if frame is None:
            return
        for name, value in list(frame.f_locals.items()):
            if isinstance(value, torch.Tensor):
                made = self._made.get(id(value))
                if made is not None and made[0]() is value:
                    self.track(value, "untracked", made[3])
                tid = self.tensor_id(value)
                if tid is not None:
                    rec = self.tensors[tid]
                    if rec["label"] != name:
                        rec["label"] = name
                        if name not in rec["names"]:
                            rec["names"].append(name)

    def statement_boundary(self, frame):
        """Called before each recorded event: when the user's statement changed, bind the names
        the previous one assigned."""
        key = (frame, frame.f_lineno) if frame is not None else None
        if key != self._named_frame:
            if self._named_frame is not None:
                self.bind_names(self._named_frame[0])
            self._named_frame = key

    def last_line(self):
        """The line of the latest statement an event was recorded at."""
        return self._named_frame[1] if self._named_frame is not None else 0

    def finish(self):
        """Bind the last names, read final versions and classify leaves."""
        if self._named_frame is not None:
            self.bind_names(self._named_frame[0])
            self._named_frame = None
        for tid, ref in self._live.items():
            t = ref()
            if t is not None:
                self.refresh(tid, t)
        for tid, label in self.param_labels.items():
            self.tensors[tid]["label"] = label
        for rec in self.tensors:
            rec["leaf_role"] = _leaf_role(rec)


def is_leaf(t):
    """`t.is_leaf`, or True for a no_grad view whose base changed in place (reading its grad_fn,
    which is_leaf does, raises PyTorch's "A view was created in no_grad mode ..." error)."""
    try:
        return t.is_leaf
    except RuntimeError:
        return True


def version_of(t):
    """A tensor's version counter (0 for inference tensors, which have none)."""
    try:
        return t._version
    except RuntimeError:  # "Inference tensors do not track version counter"
        return 0


def _leaf_role(rec):
    if not rec["is_leaf"]:
        return None
    if rec["requires_grad"]:
        return "parameter"
    if rec["source"] == "untracked":
        return "constant"
    return "gradient" if rec["source"] == "backward" else "input"
