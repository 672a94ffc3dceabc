import torch

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

x = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
idx = torch.tensor([[2, 0], [1, 1]])
g = torch.gather(x, 1, idx)
print(g, g.grad_fn.name())
g.sum().backward()
print(x.grad)

y = x.gather(0, torch.tensor([[1, 0, 1]]))
print(y, y.grad_fn.name())
y.backward(torch.tensor([[10., 20., 30.]]))
print(x.grad)

src = torch.tensor([[7., 8.], [9., 10.]], requires_grad=True)
base = torch.zeros(2, 3, requires_grad=True)
s = base.scatter(1, torch.tensor([[2, 0], [1, 2]]), src)
print(s, s.grad_fn.name())
(s * torch.arange(6.).reshape(2, 3)).sum().backward()
print(base.grad, src.grad, sep="\n")

v = base.scatter(1, torch.tensor([[1], [0]]), 2.5)
print(v, v.grad_fn.name())
v.sum().backward()
print(base.grad)

a = torch.ones(3, 4, requires_grad=True)
sa = a.scatter_add(0, torch.tensor([[0, 1, 2, 0], [0, 0, 0, 0]]), torch.arange(8.).reshape(2, 4).requires_grad_())
print(sa, sa.grad_fn.name())

t = torch.zeros(3, 5, dtype=torch.int64)
print(t.scatter_(0, torch.tensor([[0, 1, 2, 0]]), torch.arange(1, 11).reshape(2, 5)), t._version)
print(torch.full((2, 4), 2.).scatter_(1, torch.tensor([[2], [3]]), 1.23, reduce='multiply'))
print(torch.full((2, 4), 2.).scatter_(1, torch.tensor([[2], [3]]), 1.23, reduce='add'))
print(torch.zeros(2, 4).scatter(1, torch.tensor([[1, 1], [3, 3]]), torch.ones(2, 2), reduce='add'))
print(torch.zeros(3, 5).scatter_add_(0, torch.tensor([[0, 1, 2, 0, 0], [0, 1, 2, 2, 2]]), torch.ones(2, 5)))

w = torch.randn(3, 3).requires_grad_()
h = w * 1
h.scatter_(1, torch.tensor([[0], [2], [1]]), 0.0)
print(h.grad_fn.name(), h._version)
h.sum().backward()
print(w.grad)

attempt(lambda: x.gather(1, torch.tensor([[5]])))
attempt(lambda: x.gather(1, torch.tensor([[-1]])))
attempt(lambda: x.gather(1, torch.tensor([0])))
attempt(lambda: x.gather(1, torch.tensor([[0], [1], [0]])))
attempt(lambda: x.gather(1, torch.tensor([[0.]])))
attempt(lambda: x.gather(2, torch.tensor([[0]])))
attempt(lambda: torch.zeros(2, 3).scatter(1, torch.tensor([[5]]), 1.0))
attempt(lambda: torch.zeros(2, 3).scatter(1, torch.tensor([[0, 1]]), torch.ones(1, 1)))
attempt(lambda: torch.zeros(2, 3).scatter(1, torch.tensor([[0]]), torch.ones(1, 1, dtype=torch.float64)))
attempt(lambda: torch.zeros(2, 3).scatter_add(1, torch.tensor([[7]]), torch.ones(1, 1)))
tt = torch.tensor([[10., 30., 20.], [60., 40., 50.]], requires_grad=True)
mi = torch.argmax(tt, dim=1, keepdim=True)
ta = torch.take_along_dim(tt, mi, dim=1)
print(ta, ta.grad_fn.name())
ta.sum().backward()
print(tt.grad)
print(torch.take_along_dim(tt, torch.tensor([5, 0])))
print(tt.take_along_dim(torch.tensor([[0], [2]]), 1))
print(torch.take_along_dim(tt, torch.tensor([[1, 0, 1]]), dim=0))
attempt(lambda: torch.take_along_dim(tt, torch.tensor([1]), dim=0))
