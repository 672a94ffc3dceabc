import torch

torch.manual_seed(0)
e = torch.nn.Embedding(4, 2)
y = e(torch.tensor([1, 2, 1]))
print(len(y.grad_fn.next_functions))
print(y.grad_fn.next_functions[0][0].variable is e.weight, y.grad_fn.next_functions[0][1])
y.sum().backward()
print(e.weight.grad)
w = torch.randn(3, 2, requires_grad=True)
z = torch.nn.functional.embedding(torch.tensor([[0, 2]]), w)
print(z.grad_fn.name(), len(z.grad_fn.next_functions))
