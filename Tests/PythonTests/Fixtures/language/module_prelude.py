# A miniature of torch/nn/modules/module.py as the prelude will write it, with plain numbers
# standing in for tensors: the language features it relies on, checked against CPython.
from collections import OrderedDict
import itertools


class Parameter:
    def __init__(self, value):
        self.value = value
    def __repr__(self):
        return f"Parameter containing:\n{self.value!r}"


class RemovableHandle:
    _next_id = 0
    def __init__(self, hooks_dict):
        self.hooks_dict = hooks_dict
        self.id = RemovableHandle._next_id
        RemovableHandle._next_id += 1
    def remove(self):
        if self.id in self.hooks_dict:
            del self.hooks_dict[self.id]
    def __enter__(self):
        return self
    def __exit__(self, *args):
        self.remove()


def _addindent(s_, numSpaces):
    s = s_.split('\n')
    if len(s) == 1:
        return s_
    first = s.pop(0)
    s = [(numSpaces * ' ') + line for line in s]
    s = '\n'.join(s)
    s = first + '\n' + s
    return s


class Module:
    training: bool
    call_super_init: bool = False

    def __init__(self, *args, **kwargs):
        if args or kwargs:
            raise TypeError(f"{type(self).__name__}.__init__() got an unexpected keyword argument '{next(iter(kwargs))}'")
        super().__setattr__('training', True)
        super().__setattr__('_parameters', OrderedDict())
        super().__setattr__('_buffers', OrderedDict())
        super().__setattr__('_modules', OrderedDict())
        super().__setattr__('_forward_hooks', OrderedDict())
        super().__setattr__('_forward_pre_hooks', OrderedDict())

    def forward(self, *input):
        raise NotImplementedError(f'Module [{type(self).__name__}] is missing the required "forward" function')

    def register_buffer(self, name, tensor, persistent=True):
        if '.' in name:
            raise KeyError("buffer name can't contain \".\"")
        elif hasattr(self, name) and name not in self._buffers:
            raise KeyError(f"attribute '{name}' already exists")
        self._buffers[name] = tensor

    def register_parameter(self, name, param):
        if '_parameters' not in self.__class__.__name__ and not hasattr(self, '_parameters'):
            raise AttributeError("cannot assign parameter before Module.__init__() call")
        self._parameters[name] = param

    def add_module(self, name, module):
        self._modules[name] = module

    def __getattr__(self, name):
        if '_parameters' in self.__dict_like__():
            _parameters = self._parameters
            if name in _parameters:
                return _parameters[name]
        if name in self._buffers:
            return self._buffers[name]
        if name in self._modules:
            return self._modules[name]
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def __dict_like__(self):
        return ('_parameters', '_buffers', '_modules')

    def __setattr__(self, name, value):
        def remove_from(*dicts_or_sets):
            for d in dicts_or_sets:
                if name in d:
                    if isinstance(d, dict):
                        del d[name]
                    else:
                        d.discard(name)

        params = self.__getattr__('_parameters') if False else object.__getattribute__(self, '_parameters')
        if isinstance(value, Parameter):
            remove_from(self._buffers, self._modules)
            self.register_parameter(name, value)
        elif params is not None and name in params:
            if value is not None:
                raise TypeError(f"cannot assign '{type(value).__name__}' as parameter '{name}' (torch.nn.Parameter or None expected)")
            self.register_parameter(name, value)
        else:
            modules = self._modules
            if isinstance(value, Module):
                remove_from(self._parameters, self._buffers)
                modules[name] = value
            elif name in modules:
                modules[name] = value
            else:
                super().__setattr__(name, value)

    def __delattr__(self, name):
        if name in self._parameters:
            del self._parameters[name]
        elif name in self._buffers:
            del self._buffers[name]
        elif name in self._modules:
            del self._modules[name]
        else:
            super().__delattr__(name)

    def register_forward_hook(self, hook):
        handle = RemovableHandle(self._forward_hooks)
        self._forward_hooks[handle.id] = hook
        return handle

    def register_forward_pre_hook(self, hook):
        handle = RemovableHandle(self._forward_pre_hooks)
        self._forward_pre_hooks[handle.id] = hook
        return handle

    def _call_impl(self, *args, **kwargs):
        for hook in self._forward_pre_hooks.values():
            result = hook(self, args)
            if result is not None:
                if not isinstance(result, tuple):
                    result = (result,)
                args = result
        result = self.forward(*args, **kwargs)
        for hook in self._forward_hooks.values():
            hook_result = hook(self, args, result)
            if hook_result is not None:
                result = hook_result
        return result

    __call__ = _call_impl

    def _named_members(self, get_members_fn, prefix='', recurse=True, remove_duplicate=True):
        memo = set()
        modules = self.named_modules(prefix=prefix, remove_duplicate=remove_duplicate) if recurse else [(prefix, self)]
        for module_prefix, module in modules:
            members = get_members_fn(module)
            for k, v in members:
                if v is None or v in memo:
                    continue
                if remove_duplicate:
                    memo.add(v)
                name = module_prefix + ('.' if module_prefix else '') + k
                yield name, v

    def parameters(self, recurse=True):
        for name, param in self.named_parameters(recurse=recurse):
            yield param

    def named_parameters(self, prefix='', recurse=True, remove_duplicate=True):
        gen = self._named_members(
            lambda module: module._parameters.items(),
            prefix=prefix, recurse=recurse, remove_duplicate=remove_duplicate)
        yield from gen

    def buffers(self, recurse=True):
        for _, buf in self._named_members(lambda module: module._buffers.items(), recurse=recurse):
            yield buf

    def children(self):
        for name, module in self.named_children():
            yield module

    def named_children(self):
        memo = set()
        for name, module in self._modules.items():
            if module is not None and module not in memo:
                memo.add(module)
                yield name, module

    def modules(self):
        for _, module in self.named_modules():
            yield module

    def named_modules(self, memo=None, prefix='', remove_duplicate=True):
        if memo is None:
            memo = set()
        if self not in memo:
            if remove_duplicate:
                memo.add(self)
            yield prefix, self
            for name, module in self._modules.items():
                if module is None:
                    continue
                submodule_prefix = prefix + ('.' if prefix else '') + name
                yield from module.named_modules(memo, submodule_prefix, remove_duplicate)

    def train(self, mode=True):
        if not isinstance(mode, bool):
            raise ValueError("training mode is expected to be boolean")
        self.training = mode
        for module in self.children():
            module.train(mode)
        return self

    def eval(self):
        return self.train(False)

    def apply(self, fn):
        for module in self.children():
            module.apply(fn)
        fn(self)
        return self

    def state_dict(self, *args, destination=None, prefix='', keep_vars=False):
        if destination is None:
            destination = OrderedDict()
        for name, param in self._parameters.items():
            if param is not None:
                destination[prefix + name] = param if keep_vars else param.value
        for name, buf in self._buffers.items():
            if buf is not None:
                destination[prefix + name] = buf
        for name, module in self._modules.items():
            if module is not None:
                module.state_dict(destination=destination, prefix=prefix + name + '.', keep_vars=keep_vars)
        return destination

    def extra_repr(self):
        return ''

    def _get_name(self):
        return self.__class__.__name__

    def __repr__(self):
        extra_lines = []
        extra_repr = self.extra_repr()
        if extra_repr:
            extra_lines = extra_repr.split('\n')
        child_lines = []
        for key, module in self._modules.items():
            mod_str = repr(module)
            mod_str = _addindent(mod_str, 2)
            child_lines.append('(' + key + '): ' + mod_str)
        lines = extra_lines + child_lines
        main_str = self._get_name() + '('
        if lines:
            if len(extra_lines) == 1 and not child_lines:
                main_str += extra_lines[0]
            else:
                main_str += '\n  ' + '\n  '.join(lines) + '\n'
        main_str += ')'
        return main_str

    def __dir__(self):
        return []


class Linear(Module):
    def __init__(self, in_features, out_features, bias=True):
        super().__init__()
        self.in_features = in_features
        self.out_features = out_features
        self.weight = Parameter(in_features * 10 + out_features)
        if bias:
            self.bias = Parameter(out_features)
        else:
            self.register_parameter('bias', None)

    def forward(self, x):
        return x * self.weight.value + (self.bias.value if self.bias is not None else 0)

    def extra_repr(self):
        return f'in_features={self.in_features}, out_features={self.out_features}, bias={self.bias is not None}'


class ReLU(Module):
    def forward(self, x):
        return max(x, 0)


class Sequential(Module):
    def __init__(self, *args):
        super().__init__()
        if len(args) == 1 and isinstance(args[0], OrderedDict):
            for key, module in args[0].items():
                self.add_module(key, module)
        else:
            for idx, module in enumerate(args):
                self.add_module(str(idx), module)

    def __len__(self):
        return len(self._modules)

    def __iter__(self):
        return iter(self._modules.values())

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return self.__class__(OrderedDict(list(self._modules.items())[idx]))
        size = len(self)
        if not -size <= idx < size:
            raise IndexError(f'index {idx} is out of range')
        idx %= size
        return next(itertools.islice(iter(self._modules.values()), idx, None))

    def forward(self, input):
        for module in self:
            input = module(input)
        return input


class ModuleList(Module):
    def __init__(self, modules=None):
        super().__init__()
        if modules is not None:
            self += modules

    def __iadd__(self, modules):
        return self.extend(modules)

    def extend(self, modules):
        offset = len(self)
        for i, module in enumerate(modules):
            self.add_module(str(offset + i), module)
        return self

    def append(self, module):
        self.add_module(str(len(self)), module)
        return self

    def __len__(self):
        return len(self._modules)

    def __iter__(self):
        return iter(self._modules.values())

    def __getitem__(self, idx):
        return list(self._modules.values())[idx]


class Net(Module):
    def __init__(self):
        super().__init__()
        self.body = Sequential(Linear(2, 3), ReLU(), Linear(3, 1, bias=False))
        self.heads = ModuleList([Linear(1, 1) for _ in range(2)])
        self.register_buffer('steps', 0)
        self.scale = 2

    def forward(self, x):
        h = self.body(x)
        return sum(head(h) for head in self.heads) * self.scale


net = Net()
print(net)
print([n for n, _ in net.named_parameters()])
print([p.value for p in net.parameters()], len(list(net.modules())), [type(m).__name__ for m in net.children()])
print(net(1), net.body[0], net.body[-1], len(net.body), net.body[1:])
print(net.state_dict())
print(net.training, net.eval().training, net.body[0].training, net.train().heads[1].training)
calls = []
h = net.body.register_forward_hook(lambda m, inp, out: calls.append((type(m).__name__, inp, out)))
net(2)
h.remove()
net(3)
print(calls)
with net.register_forward_pre_hook(lambda m, inp: (inp[0] + 1,)):
    print(net(0))
print(net(0))
net.scale = 3
del net.scale
print(hasattr(net, 'scale'), hasattr(net, 'body'), getattr(net, 'nothing', None))
try:
    net.body[0].weight = 5
except TypeError as e:
    print("TypeError:", e)
seen = []
net.apply(lambda m: seen.append(m._get_name()))
print(seen)
print(net.steps, 'steps' in net.state_dict(), Module.call_super_init)
try:
    Module()(1)
except NotImplementedError as e:
    print("NotImplementedError:", e)
net.missing_attribute
