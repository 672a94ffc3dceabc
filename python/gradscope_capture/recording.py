"""A recording: the torch function and dispatch modes, saved-tensor, module and grad-mode hooks
installed around the user's code, and the Capture they fill."""
import os
import tempfile

import torch
from torch.nn.parameter import UninitializedTensorMixin
from torch.overrides import TorchFunctionMode
from torch.utils._python_dispatch import TorchDispatchMode

from . import jsonout
from .frames import _LIBRARY_DIRS, user_frame, user_line
from .modules import Modules, finish_modules
from .nodes import NodeTable
from .ops import record_op, resolve
from .passes import Passes, tensors_of
from .regions import Regions
from .state import Capture

SCHEMA = "gradscope.graph/2"


class _Dispatch(TorchDispatchMode):
    @classmethod
    def _should_skip_dynamo(cls):
        """False: PyTorch would otherwise wrap `__torch_dispatch__` in `torch._disable_dynamo`,
        whose first call imports torch._dynamo and torch._inductor (seconds of start-up, more
        than a small model's whole run). The capture does not run under `torch.compile`."""
        return False

    def __init__(self, cap):
        super().__init__()
        self.cap = cap

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        out = func(*args, **kwargs)
        if not self.cap.busy:
            self.cap.busy += 1
            try:
                record_op(self.cap, func, args, kwargs, out)
            finally:
                self.cap.busy -= 1
        return out


# Printing a tensor runs torch code (under no_grad) that is not part of the user's computation.
_PRINTING = (torch.Tensor.__repr__, torch.Tensor.__str__, torch.Tensor.__format__)


class _Function(TorchFunctionMode):
    """Sees the user's torch calls: backward calls, detaches, `.data` and `.grad` reads and
    tensor hooks go to the recording; any other call marks its API name (factories) and, when
    it returns, resolves the grad_fns autograd attached."""

    def __init__(self, rec):
        super().__init__()
        self.rec = rec
        self.events = {  # torch function -> handler(func, args, kwargs); looked up once per call
            torch.Tensor.backward: rec.backward_method,
            torch.autograd.backward: rec.autograd_backward,
            torch.autograd.grad: rec.autograd_grad,
            torch.Tensor.detach: lambda func, args, kwargs: rec.detach(func, args[0], "detach"),
            torch.Tensor.detach_: lambda func, args, kwargs: rec.detach(func, args[0], "detach_"),
            torch.Tensor.data.__get__: lambda func, args, kwargs: rec.detach(func, args[0], "data"),
            torch.Tensor.grad.__get__: self._grad_read,
            torch.Tensor.register_hook: self._register_hook,
        }
        for func in _PRINTING:
            self.events[func] = self._quietly

    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        cap = self.rec.cap
        if cap.busy or (args and isinstance(args[0], UninitializedTensorMixin)):
            return func(*args, **kwargs)  # a lazy module's parameter has no shape yet: seen once materialised
        handler = self.events.get(func)
        if handler is not None:
            return handler(func, args, kwargs)
        return self._call(func, args, kwargs)

    def _call(self, func, args, kwargs):
        cap = self.rec.cap
        outer, cap.api_name = cap.api_name, getattr(func, "__name__", None)
        try:
            out = func(*args, **kwargs)
        finally:
            cap.api_name = outer
        resolve(cap)  # while `out` is alive: autograd has attached its grad_fn by now
        if kwargs.get("requires_grad") and isinstance(out, torch.Tensor):
            tid = cap.tensor_id(out)  # a factory's tensor is recorded before autograd sets the flag
            if tid is not None:
                cap.refresh(tid, out)
        return out

    def _quietly(self, func, args, kwargs):
        cap = self.rec.cap
        cap.busy += 1
        try:
            return func(*args, **kwargs)
        finally:
            cap.busy -= 1

    def _grad_read(self, func, args, kwargs):
        out = self._call(func, args, kwargs)
        self.rec.grad_read(args[0], out)
        return out

    def _register_hook(self, func, args, kwargs):
        out = self._call(func, args, kwargs)
        self.rec.tensor_hook(args[0], out)
        return out


class Recording:
    """`with gradscope_capture.record() as g: ...` then `g.save("graph.json")`."""

    def __init__(self, max_ops=None):
        self.cap = Capture(max_ops)
        self.cap.node_table = NodeTable(self.cap)
        self.passes = Passes(self.cap)
        self.regions = Regions(self.cap)
        self.modules = Modules(self.cap)
        self._stack = []
        self._graph = None

    def __enter__(self):
        self.regions.install()
        self.modules.install()
        for cm in (_Function(self), _Dispatch(self.cap)):
            cm.__enter__()
            self._stack.append(cm)
        return self

    def __exit__(self, kind, error, tb):
        resolve(self.cap)
        for cm in reversed(self._stack):
            cm.__exit__(None, None, None)
        self._stack = []
        self.modules.uninstall()
        self.regions.uninstall()
        if error is not None and not isinstance(error, SystemExit):
            self.cap.error = {"line": _error_line(tb), "type": type(error).__name__, "message": str(error)}
        self._finish()
        return False

    # Events the function mode forwards

    def backward_method(self, func, args, kwargs):
        t = args[0]
        names = ("gradient", "retain_graph", "create_graph", "inputs")
        opts = dict(zip(names, args[1:]), **kwargs)
        return self.passes.run("backward", lambda: func(*args, **kwargs), [t], tensors_of(opts.get("inputs")),
                               opts.get("retain_graph"), opts.get("create_graph", False))

    def autograd_backward(self, func, args, kwargs):
        names = ("tensors", "grad_tensors", "retain_graph", "create_graph", "grad_variables", "inputs")
        opts = dict(zip(names, args), **kwargs)
        return self.passes.run("backward", lambda: func(*args, **kwargs), tensors_of(opts.get("tensors")),
                               tensors_of(opts.get("inputs")), opts.get("retain_graph"), opts.get("create_graph", False))

    def autograd_grad(self, func, args, kwargs):
        names = ("outputs", "inputs", "grad_outputs", "retain_graph", "create_graph")
        opts = dict(zip(names, args), **kwargs)
        result = self.passes.run("grad", lambda: func(*args, **kwargs), tensors_of(opts.get("outputs")),
                                 tensors_of(opts.get("inputs")), opts.get("retain_graph"), opts.get("create_graph", False))
        line = user_line()
        self.cap.current_pass = len(self.cap.passes) - 1
        for g in tensors_of(result):
            self.cap.track(g, "backward", line)
        self.cap.current_pass = None
        return result

    def detach(self, func, source, kind):
        cap = self.cap
        resolve(cap)
        frame = user_frame()
        cap.statement_boundary(frame)
        line = frame.f_lineno if frame is not None else 0
        src = cap.track(source, "untracked", line)
        required = source.requires_grad
        result = func(source)
        did = len(cap.detaches)
        cap.detaches.append({"id": did, "kind": kind, "source": src, "result": None, "line": line,
                             "source_required_grad": required, "ops_before": len(cap.ops)})
        if kind == "detach_":
            cap.tensors[src]["detach"] = did
            cap.refresh(src, source)
            cap.detaches[did]["result"] = src
        else:
            cap.detaches[did]["result"] = cap.track(result, "detach" if kind == "detach" else "data", line, detach=did)
        return result

    def grad_read(self, t, grad):
        cap = self.cap
        line = user_line()
        tid = cap.track(t, "untracked", line)
        cap.grad_reads.append({"tensor": tid, "line": line, "passes_before": len(cap.passes)})
        if grad is not None and cap.passes:
            cap.made(grad, None, line, source="backward", pass_id=len(cap.passes) - 1)

    def tensor_hook(self, t, handle):
        """Wrap the hook just registered on `t` so that its runs are listed in the pass."""
        cap, passes = self.cap, self.passes
        hooks = t._backward_hooks
        if not hooks or handle.id not in hooks:
            return
        user_hook = hooks[handle.id]
        tid = cap.track(t, "untracked", user_line())

        def traced(grad):
            replaced = user_hook(grad)
            if passes.active is not None:
                fn = t.grad_fn
                node = cap.node_table.ids.get(fn) if fn is not None else cap.tensors[tid]["accumulate_grad"]
                passes.active["hooks"].append({"node": node, "output_nr": t.output_nr, "replaced": replaced is not None})
            return replaced

        hooks[handle.id] = traced

    # Output

    def _finish(self):
        cap = self.cap
        cap.node_table.check_saved()
        cap.finish()
        finish_modules(cap)
        graph = {
            "schema": SCHEMA, "tensors": cap.tensors, "ops": [_public(o) for o in cap.ops],
            "nodes": [dict(n, saved=[_public(s) for s in n["saved"]]) for n in cap.nodes],
            "regions": cap.regions, "detaches": cap.detaches, "backward_passes": cap.passes,
            "grad_reads": cap.grad_reads,
        }
        if cap.modules:
            graph["modules"] = cap.modules
        graph["error"] = cap.error
        self._graph = graph

    @property
    def dropped_ops(self):
        """How many ops `max_ops` left out."""
        return self.cap.dropped_ops

    def json(self):
        """The recorded graph as `gradscope.graph/2` JSON text."""
        if self._graph is None:
            raise RuntimeError("the recording is still running: leave its `with` block first")
        return jsonout.dumps(self._graph)

    def save(self, path):
        """Write the JSON to `path` atomically (a temporary file renamed into place)."""
        text = self.json() + "\n"
        folder = os.path.dirname(os.path.abspath(path))
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".gradscope-capture-")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
            os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; give it an ordinary file's mode
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise


def _umask():
    """The process's file-creation mask (reading it means setting it, so it is set back at once)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _public(record):
    return {k: v for k, v in record.items() if not k.startswith("_")}


def _error_line(tb):
    """The line of the innermost user frame in a traceback."""
    line = 0
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if not name.startswith(_LIBRARY_DIRS) and not name.startswith("<"):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def record(max_ops=None):
    """A Recording to use as a context manager; `max_ops` bounds how many ops are kept."""
    return Recording(max_ops)
