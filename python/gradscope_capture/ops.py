"""Forward ops as the dispatcher sees them (below autograd, so ops autograd does not record
appear too): names, inputs including wrapped Python numbers, outputs, grad mode and line."""
import torch

from .frames import user_frame
from .state import version_of

# ATen names that differ from the Python API name GradScope's recorder uses.
ALIASES = {"_log_softmax": "log_softmax", "_softmax": "softmax", "nll_loss_forward": "nll_loss",
           "_to_copy": "to",
           "native_batch_norm": "batch_norm", "_native_batch_norm_legit": "batch_norm",
           "_native_batch_norm_legit_no_training": "batch_norm", "native_dropout": "dropout"}
# Ops returning more tensors than their Python API does (the API keeps the first n).
KEPT_OUTPUTS = {"nll_loss_forward": 1, "native_layer_norm": 1, "native_batch_norm": 1, "_native_batch_norm_legit": 1,
                "_native_batch_norm_legit_no_training": 1, "native_dropout": 1}
# Python API calls PyTorch implements with one differently named ATen op: API name -> (ATen op,
# index of the output the API returns). The op is recorded under the name the user called, as
# GradScope's recorder names it (`argsort` runs `sort` and returns its indices).
COMPOSITES = {"argsort": ("sort", 1)}
# Tensor-making ops without tensor inputs: recorded as factory tensors, not ops.
FACTORY_ALIASES = {"lift_fresh": "tensor", "scalar_tensor": "tensor"}
# Ops that are bookkeeping rather than computation (autograd detaching saved outputs, ...).
IGNORED = {"detach", "lift_fresh_copy", "alias", "_to_copy_fresh"}

class _OpInfo:
    """What the capture needs of an op's schema, worked out once per op overload."""

    __slots__ = ("func", "packet", "name", "ignored", "factory", "kept", "flags", "kwflags", "mutable")

    def __init__(self, func):
        schema = func._schema
        self.func = func
        self.packet = schema.name.split("::")[-1]
        self.name = ALIASES.get(self.packet, self.packet)
        self.ignored = self.packet in IGNORED
        self.factory = FACTORY_ALIASES.get(self.packet) or (self.packet if self.packet.endswith("_like") else None)
        self.kept = KEPT_OUTPUTS.get(self.packet)
        self.flags = [isinstance(a.type, torch.TensorType) for a in schema.arguments]  # which arguments are Tensors
        self.kwflags = {a.name: f for a, f in zip(schema.arguments, self.flags)}
        self.mutable = schema.is_mutable


_op_infos = {}  # id(op overload) -> _OpInfo (an OpOverload hashes slowly; the info keeps it alive)


def _info(func):
    info = _op_infos.get(id(func))
    if info is None or info.func is not func:
        info = _op_infos[id(func)] = _OpInfo(func)
    return info


def _flatten(values):
    for v in values:
        if isinstance(v, (list, tuple)):
            yield from _flatten(v)
        else:
            yield v


def _tensors_out(out):
    """The tensors an op returned, in order."""
    if isinstance(out, torch.Tensor):
        return [out]
    if isinstance(out, (tuple, list)):
        return [t for t in _flatten(out) if isinstance(t, torch.Tensor)]
    return []


def record_op(cap, func, args, kwargs, out):
    """Record one dispatched op (called after it ran); grad_fns are resolved later."""
    info = _info(func)
    if info.ignored:
        return
    frame = user_frame()
    cap.statement_boundary(frame)
    resolve(cap)
    line = frame.f_lineno if frame is not None else 0
    outputs = _tensors_out(out)
    if info.kept is not None:
        outputs = outputs[: info.kept]
    name, composite = info.name, COMPOSITES.get(cap.api_name)
    if composite is not None and composite[0] == info.packet:
        name, outputs = cap.api_name, outputs[composite[1]:composite[1] + 1]
    items = list(zip(info.flags, args))
    if kwargs:
        items += [(info.kwflags.get(k, False), v) for k, v in kwargs.items() if k != "out"]
    has_tensor = wrapped = False
    for flag, v in items:
        if isinstance(v, torch.Tensor):
            has_tensor = True
        elif isinstance(v, (list, tuple)):
            has_tensor = has_tensor or any(isinstance(t, torch.Tensor) for t in _flatten(v))
        elif flag and isinstance(v, (int, float, bool)):
            wrapped = True
    if info.factory is not None or not (has_tensor or wrapped):
        name = info.factory or info.packet
        for t in outputs:
            if cap.current_pass is not None:
                cap.track(t, "backward", line, factory=name)
            elif cap.api_name == name:  # the user's own torch.ones(...): recorded even if unused
                cap.track(t, "factory", line, factory=name)
            else:
                cap.made(t, name, line)
        return
    if not outputs:  # `.item()`, `.tolist()`: a Python value, no tensor to record
        return
    if cap.max_ops is not None and len(cap.ops) >= cap.max_ops:
        cap.dropped_ops += 1
        return
    inputs = []
    for flag, v in items:
        if isinstance(v, torch.Tensor):
            inputs.append(cap.track(v, "untracked", line))
        elif isinstance(v, (list, tuple)):
            inputs.extend(cap.track(t, "untracked", line) for t in _flatten(v) if isinstance(t, torch.Tensor))
        elif flag and isinstance(v, (int, float, bool)):
            inputs.append(cap.constant(v, line))
    op_id = len(cap.ops)
    in_place = info.mutable and any(outputs[0] is a for a in args[:1])
    source = "backward" if cap.current_pass is not None else "op"
    out_ids = [cap.track(t, source, line, producer=op_id) for t in outputs]
    cap.ops.append({
        "id": op_id, "name": name, "inputs": inputs, "outputs": out_ids, "line": line,
        "region": cap.region(), "grad_enabled": torch.is_grad_enabled(), "grad_fn": None, "in_place": in_place,
        "pass": cap.current_pass, "_ptr": _storage(outputs[0]) if in_place else None,
        "_version": version_of(outputs[0]) if in_place else None,
        # an in-place op on a view: autograd gives its base CopySlices once the op has returned
        "_base": outputs[0]._base if in_place else None,
    })
    cap.pending.append(op_id)
    if cap.call_stack:
        cap.modules[cap.call_stack[-1]]["ops"].append(op_id)


def resolve(cap):
    """Attach the grad_fn autograd gave each pending op's outputs (autograd sets it after the
    dispatcher returns, so this runs at the next op or call boundary)."""
    if not cap.pending:
        return
    pending, cap.pending, nodes = cap.pending, [], cap.node_table
    for op_id in pending:
        op = cap.ops[op_id]
        base = op.pop("_base", None)
        if base is not None and base.grad_fn is not None and base.grad_fn not in nodes.ids:
            op["grad_fn"] = nodes.node(base.grad_fn, op["line"], op_id)
        for tid in op["outputs"]:
            t = cap.live_tensor(tid)
            if t is None:
                continue
            cap.refresh(tid, t)
            try:
                fn = t.grad_fn
            except RuntimeError:  # a no_grad view whose base changed in place (state.is_leaf)
                continue
            if fn is not None and op["grad_fn"] is None and fn not in nodes.ids:
                op["grad_fn"] = nodes.node(fn, op["line"], op_id)
            if fn is not None:
                cap.tensors[tid]["grad_fn"] = nodes.ids.get(fn)


def _storage(t):
    try:
        return t.untyped_storage().data_ptr()
    except (RuntimeError, NotImplementedError):
        return None
