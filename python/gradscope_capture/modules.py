"""`nn.Module` calls through the global forward hooks: their paths from the root module the
script called, classes, key sizes, nesting, ops and parameters."""
from torch import nn

from .frames import user_frame
from .ops import resolve


def summary(m):
    """The key sizes pictures label a module with (`4→3`, `1→6, 5×5`, `p=0.5`), or ''."""
    if isinstance(m, nn.LazyLinear) and m.in_features == 0:
        return f"?→{m.out_features}"
    if isinstance(m, nn.Linear):
        return f"{m.in_features}→{m.out_features}"
    if isinstance(m, nn.modules.conv._ConvNd):
        return f"{m.in_channels}→{m.out_channels}, {'×'.join(str(k) for k in m.kernel_size)}"
    if isinstance(m, nn.modules.batchnorm._NormBase):
        return str(m.num_features)
    if isinstance(m, nn.LayerNorm):
        return "×".join(str(n) for n in m.normalized_shape)
    if isinstance(m, nn.modules.dropout._DropoutNd):
        return f"p={m.p}"
    return ""


class Modules:
    """Records module calls into a Capture."""

    def __init__(self, cap):
        self.cap = cap
        self.handles = []
        self.objects = {}  # module call id -> module
        self.paths = {}  # id(root module) -> {id(submodule): relative path}

    def install(self):
        reg = nn.modules.module
        self.handles = [reg.register_module_forward_pre_hook(self.pre),
                        reg.register_module_forward_hook(self.post)]

    def uninstall(self):
        for h in self.handles:
            h.remove()

    def pre(self, module, args):
        cap = self.cap
        if cap.busy:
            return None
        resolve(cap)
        frame = user_frame()
        parent = cap.call_stack[-1] if cap.call_stack else None
        cid = len(cap.modules)
        cap.modules.append({
            "id": cid, "path": self._path(module, parent, frame), "class": type(module).__name__,
            "summary": summary(module), "parent": parent, "region": cap.region(),
            "line": frame.f_lineno if frame is not None else 0, "ops": [], "nodes": [], "parameters": [],
        })
        self.objects[cid] = module
        cap.call_stack.append(cid)
        return None

    def post(self, module, args, output):
        cap = self.cap
        if cap.busy or not cap.call_stack:
            return None
        resolve(cap)
        cid = cap.call_stack.pop()
        call = cap.modules[cid]
        call["summary"] = summary(module)
        for name, p in module._parameters.items():
            if p is not None:
                tid = cap.track(p, "untracked", call["line"])
                call["parameters"].append({"name": name, "tensor": tid})
                if tid not in cap.param_labels:
                    cap.param_labels[tid] = _drop_root(call["path"] + "." + name)
        return None

    def _path(self, module, parent, frame):
        if parent is not None:
            root = parent
            while self.cap.modules[root]["parent"] is not None:
                root = self.cap.modules[root]["parent"]
            root_module = self.objects[root]
            rel = self.paths.setdefault(id(root_module), {id(m): n for n, m in root_module.named_modules()})
            if id(module) in rel and rel[id(module)]:
                return self.cap.modules[root]["path"] + "." + rel[id(module)]
        if frame is not None:
            for name, value in frame.f_locals.items():
                if value is module:
                    return name
        return type(module).__name__


def _drop_root(path):
    return path.split(".", 1)[1] if "." in path else path


def finish_modules(cap):
    """Each call's grad_fn nodes, derived from its ops."""
    for call in cap.modules:
        call["nodes"] = [cap.ops[o]["grad_fn"] for o in call["ops"] if cap.ops[o]["grad_fn"] is not None]
