# torch.rot90 (every k, dims, layouts, errors), block_diag (promotion, 0-D and 1-D blocks,
# gradients), cartesian_prod, tensor_split (sections, indices, tensors, dims) and
# atleast_1d/2d/3d (one tensor, several, a list): values, grad_fn names and PyTorch's errors.
import torch

x = torch.arange(12.0).view(3, 4).requires_grad_()
a = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
b = torch.tensor([5.0, 6.0, 7.0], requires_grad=True)
p = torch.tensor([1.0, 2.0], requires_grad=True)
q = torch.tensor([3.0, 4.0, 5.0], requires_grad=True)
for k in [1, 2, 3, 4, -1, 0, 7]:
    r = torch.rot90(x, k)
    print(k, r.tolist(), r.is_contiguous(), r.stride(), r.grad_fn.name())
c = torch.arange(24).view(2, 3, 4)
print(torch.rot90(c, 1, [2, 0]).tolist(), c.rot90(-1, (1, 2)).shape, c.rot90(2, [-1, -2])[0].tolist())
r = x.rot90(1, [1, 0])
r.backward(torch.arange(12.0).view(4, 3))
print(x.grad)
for bad in [lambda: torch.block_diag([a, b]), lambda: torch.cartesian_prod(p, [q]), lambda: torch.block_diag(torch.ones(2, 2, 2)), lambda: torch.cartesian_prod(a),
            lambda: torch.rot90(x, 1, [0, 0]), lambda: torch.rot90(x, 1, [0]), lambda: torch.rot90(torch.ones(3)), lambda: torch.rot90(x, 1, [0, 2]), lambda: torch.rot90(x, 1, [0, -2])]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
s = torch.tensor(8.0, requires_grad=True)
d = torch.block_diag(a, b, s)
print(d, d.grad_fn.name(), [type(n[0]).__name__ for n in d.grad_fn.next_functions])
d.backward(torch.arange(24.0).view(4, 6))
print(a.grad, b.grad, s.grad)
print(torch.block_diag(torch.tensor([[1, 2]]), torch.tensor([[3.5]])), torch.block_diag(torch.tensor([1, 2])), torch.block_diag(a.detach(), a.detach().double()).dtype, torch.block_diag())
cp = torch.cartesian_prod(p, q)
print(cp, cp.grad_fn.name(), torch.cartesian_prod(torch.tensor([1, 2]), torch.tensor([3]), torch.tensor([4, 5])), torch.cartesian_prod(p) is p)
cp.backward(torch.ones(6, 2))
print(p.grad, q.grad)
t = torch.arange(10.0).view(2, 5).requires_grad_()
for spec in [3, [1, 4], (2,), torch.tensor(2), torch.tensor([1, 3]), [-2, 8], [3, 1]]:
    parts = torch.tensor_split(t, spec, dim=1)
    print([p.tolist() for p in parts], [p.grad_fn.name() for p in parts])
print([p.shape for p in t.tensor_split(2)], [p.tolist() for p in torch.tensor_split(torch.arange(7), 3)], [p.tolist() for p in t.tensor_split(indices=[1], dim=-1)])
sum(p.sum() * (i + 1) for i, p in enumerate(torch.tensor_split(t, 3, 1))).backward()
print(t.grad)
for bad in [lambda: torch.tensor_split(t, 0), lambda: torch.tensor_split(torch.tensor(1.0), 2), lambda: torch.tensor_split(t, torch.tensor([1.0])), lambda: torch.tensor_split(t, 2, dim=3)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
z = torch.tensor(2.0, requires_grad=True)
for f in [torch.atleast_1d, torch.atleast_2d, torch.atleast_3d]:
    one = f(z)
    many = f(z, p, t)
    print(one, one.grad_fn.name(), [m.shape for m in many], [m.grad_fn.name() if m.grad_fn else None for m in many], [m.shape for m in f([p, t])], type(f((p,))).__name__)
