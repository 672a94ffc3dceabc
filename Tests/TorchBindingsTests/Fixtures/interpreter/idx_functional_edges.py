import torch
import torch.nn.functional as F

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

torch.manual_seed(5)
w = torch.randn(2, 4, requires_grad=True)
h = w * 2
F.dropout(h, 0.5, inplace=True)
print(h.grad_fn.name(), h._version)
h.sum().backward()
print(w.grad)
h2 = w * 1
F.dropout2d(h2.view(1, 2, 2, 2), 0.5, inplace=True)
print(h2.detach())
print(F.dropout1d(torch.ones(2, 3), 0.5, inplace=True))
print(F.dropout(torch.ones(3, dtype=torch.float64), 0.2))
attempt(lambda: F.dropout(torch.ones(3, dtype=torch.int64), 0.2))
print(F.dropout(torch.ones(3), 0.2, False))
attempt(lambda: F.dropout(torch.ones(3), p=2))
x = torch.arange(6.).reshape(2, 3)
print(torch.gather(x, 0, torch.tensor([[1, 1, 0]])))
print(x.scatter(0, torch.tensor([[1, 0, 1]]), torch.tensor([[7., 8., 9.]])))
print(x.index_select(0, torch.tensor(1)))
print(torch.tensor(5.).gather(0, torch.tensor(0)))
print(x.masked_fill(torch.tensor(True), 0.5))
print(torch.lerp(torch.zeros(3), torch.ones(3), torch.tensor([0.2, 0.6, 0.9])))
print(torch.addcmul(torch.ones(2, 1), torch.ones(1, 3), torch.full((2, 3), 2.)))
print(torch.mm(torch.ones(2, 2), torch.ones(2, 2), out=torch.empty(0)))
o = torch.zeros(3, dtype=torch.int64)
print(torch.add(torch.tensor([1, 2, 3]), 4, out=o), o)
