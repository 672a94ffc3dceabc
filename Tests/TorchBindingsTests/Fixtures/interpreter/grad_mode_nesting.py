import torch
x = torch.ones(2, requires_grad=True)
print(torch.is_grad_enabled())
with torch.no_grad():
    print(torch.is_grad_enabled())
    with torch.enable_grad():
        print(torch.is_grad_enabled())
        y = x * 2
    with torch.set_grad_enabled(True):
        z = x * 2
    w = x * 2
print(torch.is_grad_enabled(), y.requires_grad, z.requires_grad, w.requires_grad)
with torch.no_grad(), torch.enable_grad():
    a = x + 1
print(a.requires_grad)
@torch.no_grad()
def f(t):
    return t * 2
print(f(x).requires_grad, torch.is_grad_enabled())
with torch.inference_mode():
    b = x * 2
    print(torch.is_inference_mode_enabled(), torch.is_grad_enabled())
print(b.is_inference(), b.requires_grad, x.is_inference())
with torch.inference_mode(False):
    c = x * 2
print(c.requires_grad)
try:
    with torch.no_grad():
        raise ValueError("inside")
except ValueError as e:
    print("caught", e, torch.is_grad_enabled())
torch.set_grad_enabled(False)
print(torch.is_grad_enabled())
torch.set_grad_enabled(True)
print(torch.is_grad_enabled())
