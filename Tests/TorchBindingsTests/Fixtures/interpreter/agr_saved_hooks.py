import torch

def pack(x):
    print("pack", x)
    return x

def unpack(x):
    print("unpack", x)
    return x

a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0], requires_grad=True)
with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
    y = a * b
    z = y.exp()
    w = a * 2
    t = z.sum() + w.sum()
print("forward done")
print(y.grad_fn._saved_other)
t.backward(retain_graph=True)
print(a.grad, b.grad)
print("second backward")
t.backward()
print(a.grad, b.grad)
try:
    t.backward()
except RuntimeError as err:
    print("RuntimeError:", err)

# packing to another object and back
store = {}

def pack_to_store(x):
    key = len(store)
    store[key] = x.clone()
    return key

def unpack_from_store(key):
    return store[key]

x = torch.tensor([0.5, -1.5, 2.0], requires_grad=True)
with torch.autograd.graph.saved_tensors_hooks(pack_to_store, unpack_from_store):
    y = x.pow(2).sin()
print(sorted(store))
y.sum().backward()
print(x.grad)

# nested hooks: the innermost applies
log = []
with torch.autograd.graph.saved_tensors_hooks(lambda t: log.append("outer") or t, lambda t: t):
    with torch.autograd.graph.saved_tensors_hooks(lambda t: log.append("inner") or t, lambda t: t):
        u = x * x
    v = x.sin()
print(log)

# unpack hook must return a tensor
with torch.autograd.graph.saved_tensors_hooks(lambda t: t, lambda t: 3):
    q = x.exp()
try:
    q.sum().backward()
except TypeError as err:
    print("TypeError:", err)

# save_on_cpu and disable_saved_tensors_hooks
with torch.autograd.graph.save_on_cpu():
    r = (x * x).sum()
r.backward()
print(x.grad)
with torch.autograd.graph.disable_saved_tensors_hooks("no hooks here"):
    try:
        with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
            pass
    except RuntimeError as err:
        print("RuntimeError:", err)
with torch.autograd.graph.saved_tensors_hooks(lambda t: t * 4, lambda t: t / 4):
    s = torch.pow(x, 2)
x.grad = None
s.sum().backward()
print(x.grad)
