import torch
x = torch.ones(2, 3, requires_grad=True)
print(x.shape, x.size(), x.size(0), x.size(-1), x.dim(), x.ndim, x.numel())
print(x.shape[0], x.shape[1:], len(x), list(x.shape), tuple(x.shape))
print(x.requires_grad, x.is_leaf, x.grad, x.grad_fn, x.retains_grad)
y = x * 2
print(y.requires_grad, y.is_leaf, y.grad_fn.name(), y.retains_grad)
print(x.shape == (2, 3), x.shape == torch.Size([2, 3]), x.size() == x.shape)
print(type(x.shape).__name__, isinstance(x.shape, tuple))
print(x.shape.numel())
print(torch.tensor(5.).shape, torch.tensor(5.).dim())
a, b = x.shape
print(a, b)
print(x.data, x.data.requires_grad)
print(x.device, x.is_cuda)
print(x.T.shape, x.t().shape)
print(x.is_inference())
print(x.element_size(), x.stride(), x.is_contiguous(), x.t().is_contiguous())
