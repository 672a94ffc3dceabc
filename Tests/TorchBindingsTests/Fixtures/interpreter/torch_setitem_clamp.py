import torch
print(torch.tensor([1, 5, -2]).clamp(0, 3), torch.tensor([1, 5]).clamp(min=0.5))
i = torch.tensor([1, 2])
i.pow_(2)
print(i)
x = torch.tensor([1., 2.], requires_grad=True)
print(x.clamp_min(1.5), x.clamp_max(1.5))
y = x.clone()
y[0] = 5.
print(y, y.grad_fn.name())
z = x * 1
z[1] += 3
print(z)
w = torch.zeros(3)
w[1] += 2
w[[0, 2]] = torch.tensor([7., 8.])
print(w)
print(x.data.grad_fn, x.detach().requires_grad)
q = torch.tensor([[1., 2.], [3., 4.]])
q[0][1] = 9
print(q)
q[:, 1] *= 2
print(q)
print(q.sum(dim=(0, 1)), q.sum(-1, True))
print(q.argmax(), q.argmax(0), q.argmax(1, keepdim=True))
print(q.max(dim=0, keepdim=True))
