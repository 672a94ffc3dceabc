# torch.autograd.graph after PyTorch's torch/autograd/graph.py: the Node class every grad_fn is an
# instance of, and the saved-tensor hooks context managers.
import _gradscope

__all__ = ["saved_tensors_hooks", "save_on_cpu", "disable_saved_tensors_hooks", "Node"]

Node = _gradscope.Node


class saved_tensors_hooks:
    r"""Context-manager that sets a pair of pack / unpack hooks for saved tensors.

    ``pack_hook`` is called with every tensor an operation saves for backward (with grad mode
    off); what it returns is stored instead. ``unpack_hook`` is called with that object when
    backward, or ``grad_fn._saved_*``, needs the tensor, and must return a tensor.
    """

    def __init__(self, pack_hook, unpack_hook):
        self.pack_hook = pack_hook
        self.unpack_hook = unpack_hook

    def __enter__(self):
        _gradscope.push_saved_tensors_hooks(self.pack_hook, self.unpack_hook)

    def __exit__(self, *args):
        _gradscope.pop_saved_tensors_hooks()


class save_on_cpu(saved_tensors_hooks):
    r"""Context manager under which tensors saved by the forward pass are stored on CPU: tensors
    already live on the CPU here, so the pair keeps each tensor with its device."""

    def __init__(self, pin_memory=False, device_type="cuda"):
        def pack_to_cpu(tensor):
            return (tensor.device, tensor.cpu())

        def unpack_from_cpu(packed):
            device, tensor = packed
            return tensor.to(device, non_blocking=pin_memory)

        super().__init__(pack_to_cpu, unpack_from_cpu)


class disable_saved_tensors_hooks:
    r"""Context-manager that disables the saved tensors default hooks feature: installing
    saved-tensor hooks inside it raises a RuntimeError with ``error_message``."""

    def __init__(self, error_message):
        self.error_message = error_message

    def __enter__(self):
        self.previous_message = _gradscope.saved_tensors_hooks_disabled_message()
        _gradscope.disable_saved_tensors_hooks(self.error_message)

    def __exit__(self, *args):
        _gradscope.disable_saved_tensors_hooks(self.previous_message)
