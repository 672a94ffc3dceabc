import torch

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

torch.manual_seed(0)
x = torch.randn(3, 4, requires_grad=True)
i = torch.tensor([0, 2, 0])
s = torch.index_select(x, 0, i)
print(s, s.grad_fn.name())
s.sum().backward()
print(x.grad)
c = x.index_select(1, torch.tensor([3, 1]))
print(c)

m = x > 0.3
print(m)
ms = torch.masked_select(x, m)
print(ms, ms.grad_fn.name())
(ms * 2).sum().backward()
print(x.grad)
print(x.detach().masked_select(torch.tensor([True, False, True, False])))

tk = torch.take(x, torch.tensor([[0, 11], [-1, 5]]))
print(tk, tk.grad_fn.name())
tk.sum().backward()
print(x.grad)

f = x.masked_fill(m, -1.0)
print(f, f.grad_fn.name())
value = torch.tensor(3.5, requires_grad=True)
f2 = x.masked_fill(~m, value)
print(f2, f2.grad_fn.name())
(f2 * torch.arange(12.).reshape(3, 4)).sum().backward()
print(value.grad)
print(x.grad)

z = torch.tensor([[1., 2., 3.], [4., 5., 6.]])
z.masked_fill_(z < 2, 0.0)
print(z, z._version)
z.masked_fill_(torch.tensor([True, False, False]), torch.tensor(9.))
print(z, z._version)
print(torch.tensor([[1, 2], [3, 4]]).masked_fill(torch.tensor([[True, False], [False, True]]), 7))
print(torch.ones(2, 3).masked_fill(torch.tensor([[True], [False]]), 5.))

q = torch.randn(2, 3).requires_grad_()
r = q * 2
r.masked_fill_(r > 0, 1.0)
print(r.grad_fn.name(), r._version)
r.sum().backward()
print(q.grad)

print(torch.where(x > 0, x, 0.).grad_fn.name())
print(torch.where(x > 0, 1.0, 0.0))

attempt(lambda: x.index_select(1, torch.tensor([4])))
attempt(lambda: x.index_select(1, torch.tensor([[0]])))
attempt(lambda: x.index_select(1, torch.tensor([0.])))
attempt(lambda: z.masked_fill(torch.tensor([1, 0, 1]), 2.))
attempt(lambda: z.masked_fill(torch.tensor([True, False, True]), torch.ones(2)))
attempt(lambda: z.masked_select(torch.tensor([1, 0, 1])))
attempt(lambda: torch.take(z, torch.tensor([6])))
attempt(lambda: torch.take(z, torch.tensor([-7])))
print(torch.where(torch.tensor([[True, False], [True, True]])))
print(torch.where(torch.tensor([[1., 0.], [0., 2.]])))
print(torch.where(torch.tensor(3.)))
print(torch.clamp(torch.tensor([0.2, 0.7, 1.5]), min=torch.tensor([0., 1., 1.]), max=torch.tensor(1.2)))
cl = torch.tensor([0.2, 0.7, 1.5], requires_grad=True)
lo = torch.tensor([0., 1., 1.], requires_grad=True)
hi = torch.tensor(1.2, requires_grad=True)
cc = cl.clamp(min=lo, max=hi)
print(cc.grad_fn.name())
cc.backward(torch.tensor([1., 2., 3.]))
print(cl.grad, lo.grad, hi.grad)
attempt(lambda: torch.clamp(cl))
