import torch

d = torch.device('cpu')
print(d, repr(d), d.type, d.index, isinstance(d, torch.device))
c = torch.device('cuda:1')
print(c, repr(c), c.type, c.index)
print(torch.device('cuda', 0), torch.device('cpu', 0), repr(torch.device(2)), torch.device(d))
print(d == torch.device('cpu'), d == torch.device('cpu:0'), c == torch.device('cuda', 1), d == 'cpu', d != c)
print(torch.cuda.is_available(), torch.cuda.device_count(), torch.backends.mps.is_available())
print(torch.get_default_device())
torch.set_default_device('cpu')
print(torch.get_default_device(), torch.__version__[:6])
x = torch.ones(2, 3, device=d)
print(x.device, x.device == d, x.is_cuda, str(x.device))
for f in [torch.zeros, torch.ones, torch.empty, torch.rand, torch.randn]:
    print(f(2, device='cpu').shape, f((1, 2), device=d, dtype=torch.float64).dtype)
print(torch.tensor([1, 2], device='cpu'), torch.arange(3, device=d), torch.full((2,), 7.0, device=d))
print(torch.eye(2, device=d), torch.linspace(0, 1, 3, device='cpu'), torch.randint(5, (3,), device=d).shape)
print(torch.zeros_like(x, device=d), torch.ones_like(x, device='cpu').device, torch.randperm(3, device=d).shape)
print(torch.normal(0.0, 1.0, size=(2,), device=d).device)
y = torch.tensor([1.5, 2.5], requires_grad=True)
print(y.to(d), y.to('cpu') is y, y.to(torch.float64), y.to(d, torch.float64), y.to(torch.zeros(1, dtype=torch.int64)))
print(y.to(device=d, dtype=torch.float64, non_blocking=True), y.to(d, copy=True), y.to(d, copy=True) is y)
print(y.cpu() is y, y.to(dtype=torch.float32) is y, y.to('cpu', non_blocking=True))
m = torch.nn.Linear(2, 1, device=d)
print(m.to(d) is m, m.cpu() is m, m.weight.device, m.to(torch.float64).weight.dtype)
for bad in ['gpu', 'cuda:x', 'cuda:-1', 'cuda:01', 'CPU']:
    try:
        torch.device(bad)
    except RuntimeError as e:
        print('RuntimeError', e)
for f in [lambda: torch.device('cuda:0', 1), lambda: torch.device('cuda', -1), lambda: torch.device(-1)]:
    try:
        f()
    except RuntimeError as e:
        print('RuntimeError', e)
