import torch

torch.manual_seed(0)
x = torch.randn(2, 3, requires_grad=True)
y = torch.randn(2, 3, requires_grad=True)
v = torch.linalg.vecdot(x, y)
v.backward(torch.tensor([1.0, -2.0]))
print(v, v.grad_fn.name(), v.grad_fn.next_functions[0][0].name(), x.grad, y.grad)
print(torch.linalg.vecdot(x, torch.randn(3), dim=1), torch.linalg.vecdot(x.double(), x.double(), dim=0))
print(torch.linalg.vecdot(torch.randn(4, 1, 5), torch.randn(3, 5)).shape)
for bad in [lambda: torch.linalg.vecdot(torch.tensor([1, 2]), torch.tensor([1, 2])), lambda: torch.linalg.vecdot(x, y.double())]:
    try:
        bad()
    except (RuntimeError, NotImplementedError) as err:
        print(type(err).__name__, err)
