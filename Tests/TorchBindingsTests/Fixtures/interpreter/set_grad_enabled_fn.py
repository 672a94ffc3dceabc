import torch
x = torch.ones(2, requires_grad=True)
def compute(train):
    with torch.set_grad_enabled(train):
        return x * 2
print(compute(True).requires_grad, compute(False).requires_grad, torch.is_grad_enabled())
with torch.no_grad():
    with torch.set_grad_enabled(True):
        y = x * 2
    print(torch.is_grad_enabled())
print(y.requires_grad)
