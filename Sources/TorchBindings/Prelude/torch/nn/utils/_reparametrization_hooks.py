# The removal shared by torch.nn.utils.remove_weight_norm and remove_spectral_norm: the forward
# pre-hook of `hook_class` reparametrizing `name` is undone and unregistered, as PyTorch's
# remove_* functions do.


def remove_reparametrization(module, name, hook_class, label):
    for k, hook in module._forward_pre_hooks.items():
        if isinstance(hook, hook_class) and hook.name == name:
            hook.remove(module)
            del module._forward_pre_hooks[k]
            return module
    raise ValueError(f"{label} of '{name}' not found in {module}")
