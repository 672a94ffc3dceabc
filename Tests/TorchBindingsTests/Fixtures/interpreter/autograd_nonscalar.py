import torch
x = torch.tensor([1., 2.], requires_grad=True)
y = x * 2
y.backward(torch.tensor([1., 1.]))
print(x.grad)
y2 = x * 3
y2.backward(gradient=torch.tensor([0.5, 2.]))
print(x.grad)
z = x * 4
try:
    z.backward()
except RuntimeError as e:
    print(type(e).__name__, e)
q = torch.tensor(1.)
try:
    q.backward()
except RuntimeError as e:
    print(type(e).__name__, e)
r = (x * x).sum()
r.backward(retain_graph=True)
r.backward()
print(x.grad)
s = (x * x).sum()
s.backward()
try:
    s.backward()
except RuntimeError as e:
    print(type(e).__name__, e)
