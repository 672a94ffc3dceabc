import torch
print(torch.get_default_dtype())
torch.set_default_dtype(torch.float64)
print(torch.get_default_dtype(), torch.zeros(2).dtype, torch.tensor([1.5]).dtype, torch.tensor([1]).dtype, torch.arange(0.5, 2).dtype)
print(torch.rand(2).dtype, torch.full((1,), 2.0).dtype, torch.linspace(0, 1, 3).dtype, torch.nn.Linear(2, 2).weight.dtype, torch.Tensor([1]).dtype)
print(torch.tensor([]).dtype, torch.eye(2).dtype, torch.normal(0.0, 1.0, size=(1,)).dtype, torch.empty(1).dtype)
torch.set_default_dtype(torch.float32)
print(torch.zeros(1).dtype)
try:
    torch.set_default_dtype(torch.int64)
except TypeError as e:
    print(e)
torch.set_default_dtype(torch.float64)
torch.manual_seed(0)
print(torch.randn(3), torch.rand(2, 2))
m = torch.nn.Linear(3, 2)
print(m(torch.ones(1, 3)))
print(torch.tensor([[0.1, 0.2]]), torch.arange(0.0, 1.0, 0.25))
