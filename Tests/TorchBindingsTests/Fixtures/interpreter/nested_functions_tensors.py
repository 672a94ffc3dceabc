import torch
def mlp(x, params):
    h = x
    for i, (w, b) in enumerate(params):
        h = h @ w + b
        if i < len(params) - 1:
            h = h.relu()
    return h
params = [(torch.ones(2, 3, requires_grad=True), torch.zeros(3, requires_grad=True)),
          (torch.full((3, 1), 0.5, requires_grad=True), torch.zeros(1, requires_grad=True))]
x = torch.tensor([[1., -1.], [2., 0.5]])
out = mlp(x, params)
print(out)
out.sum().backward()
for w, b in params:
    print(w.grad, b.grad)
def apply_twice(f, v):
    return f(f(v))
print(apply_twice(lambda t: t * 2, torch.tensor([1., 2.])))
