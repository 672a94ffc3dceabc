import torch

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

a = torch.ones(2, 3)
b = torch.arange(6.).reshape(3, 2)
o = torch.zeros(2, 2)
r = torch.matmul(a, b, out=o)
print(r is o, o, o._version)
z = torch.empty(0)
torch.mul(a, a * 3, out=z)
print(z, z.shape)
s = torch.zeros(1)
torch.add(a, a, out=s)
print(s)
d = torch.zeros(2, 3, dtype=torch.float64)
torch.sin(a, out=d)
print(d, d.requires_grad, d.grad_fn)
e = torch.zeros(2, 3)
torch.exp(torch.zeros(2, 3), out=e)
print(e, e._version)
x = torch.ones(2, 3, requires_grad=True)
attempt(lambda: torch.add(x, 1, out=torch.zeros(2, 3)))
attempt(lambda: torch.exp(a, out=torch.zeros(2, 3, requires_grad=True)))
with torch.no_grad():
    print(torch.add(x, 1, out=torch.zeros(2, 3)))
attempt(lambda: torch.add(a, a, out=torch.zeros(2, 3, dtype=torch.int64)))
