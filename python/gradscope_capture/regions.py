"""Grad-mode regions: `no_grad`, `enable_grad`, `set_grad_enabled` (call or `with`) and
`inference_mode`, seen by wrapping those classes' enter/exit for the duration of a recording."""
import torch
from torch.autograd import grad_mode

from .frames import user_line


class Regions:
    """Opens and closes Region records of a Capture as the script changes grad mode."""

    def __init__(self, cap):
        self.cap = cap
        self.saved = []  # (class, attribute, original) to restore
        self.plain = None  # region opened by a plain `torch.set_grad_enabled(b)` call

    def install(self):
        self._wrap(grad_mode.no_grad, "no_grad")
        self._wrap(grad_mode.enable_grad, "enable_grad")
        self._wrap(grad_mode.inference_mode, "inference_mode", enabled=lambda m: m.mode)
        self._wrap_set_grad_enabled()

    def uninstall(self):
        for cls, attr, original in reversed(self.saved):
            setattr(cls, attr, original)
        self.saved = []

    def open(self, kind):
        """The id of a new region (None while the capture runs code of its own)."""
        cap = self.cap
        if cap.busy:
            return None
        rid = len(cap.regions)
        cap.regions.append(
            {"id": rid, "kind": kind, "start_line": user_line(), "end_line": None, "parent": cap.region()})
        cap.open_regions.append(rid)
        return rid

    def close(self, rid, line=None):
        """Close region `rid` at `line` (default: the last line an event was recorded at)."""
        cap = self.cap
        if rid is not None and rid in cap.open_regions:
            cap.open_regions.remove(rid)
            cap.regions[rid]["end_line"] = max(line or cap.last_line(), cap.regions[rid]["start_line"])

    def quietly(self, original, *args):
        """Run a grad-mode class's own enter/exit without recording the modes it sets inside."""
        self.cap.busy += 1
        try:
            return original(*args)
        finally:
            self.cap.busy -= 1

    def _patch(self, cls, attr, make):
        original = cls.__dict__.get(attr, getattr(cls, attr))
        self.saved.append((cls, attr, original))
        setattr(cls, attr, make(original))

    def _wrap(self, cls, kind, enabled=lambda m: True):
        regions = self

        def enter(original):
            def __enter__(self):
                self._gs_region = regions.open(kind) if enabled(self) else None
                return regions.quietly(original, self)
            return __enter__

        def exit_(original):
            def __exit__(self, *exc):
                try:
                    return regions.quietly(original, self, *exc)
                finally:
                    if getattr(self, "_gs_region", None) is not None:
                        regions.close(self._gs_region)
            return __exit__

        self._patch(cls, "__enter__", enter)
        self._patch(cls, "__exit__", exit_)

    def _wrap_set_grad_enabled(self):
        regions, cls = self, grad_mode.set_grad_enabled

        def init(original):
            def __init__(self, mode):
                was = torch.is_grad_enabled()
                original(self, mode)
                if regions.cap.busy:
                    self._gs_region = None
                    return
                closed = regions.plain is not None
                if closed:  # `torch.set_grad_enabled(b)` ends the region the previous call opened
                    regions.close(regions.plain, user_line())
                    regions.plain = None
                if not mode or (not was and not closed):
                    regions.plain = self._gs_region = regions.open(f"set_grad_enabled({bool(mode)})")
                else:
                    self._gs_region = None
            return __init__

        def enter(original):
            def __enter__(self):
                if regions.plain is not None and regions.plain == getattr(self, "_gs_region", None):
                    regions.plain = None  # a `with` statement: its __exit__ closes it
                return original(self)
            return __enter__

        def exit_(original):
            def __exit__(self, *exc):
                try:
                    return regions.quietly(original, self, *exc)
                finally:
                    if getattr(self, "_gs_region", None) is not None:
                        regions.close(self._gs_region)
            return __exit__

        self._patch(cls, "__init__", init)
        self._patch(cls, "__enter__", enter)
        self._patch(cls, "__exit__", exit_)
