import torch

x = torch.tensor([1, 2, 3])
y = torch.tensor([4, 5, 6])
grid_x, grid_y = torch.meshgrid(x, y, indexing='ij')
print(grid_x)
print(grid_y)
xs = torch.linspace(-5, 5, steps=5)
ys = torch.linspace(-5, 5, steps=4)
xg, yg = torch.meshgrid(xs, ys, indexing='xy')
z = torch.sin(torch.sqrt(xg * xg + yg * yg))
print(xg.shape, yg.shape)
print(z)

a = torch.tensor([1., 2.], requires_grad=True)
b = torch.tensor([3., 4., 5.], requires_grad=True)
c = torch.tensor(7., requires_grad=True)
p, q, r = torch.meshgrid([a, b, c], indexing='ij')
print(p.shape, p.grad_fn.name(), p.grad_fn.next_functions[0][0].name())
(p * q * r).sum().backward()
print(a.grad, b.grad, c.grad)
u, v = torch.meshgrid((a, b), indexing='xy')
print(u, v)
gx, gy = torch.meshgrid(x, torch.arange(2))
print(gx, gy)
gx, gy = torch.meshgrid(x, torch.arange(2))
for bad in [((), 'ij'), ((x, x.double()), 'ij'), ((x,), 'ab')]:
    try:
        torch.meshgrid(*bad[0], indexing=bad[1])
    except RuntimeError as e:
        print("RuntimeError:", e)
