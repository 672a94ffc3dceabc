# The non-tensor values grad_fn nodes keep (grad_fn._saved_*), which the recorded graph shows as
# op attributes: alpha, dim, keepdim, reduction, exponent, and a Python number operand.
import torch
import torch.nn.functional as F

x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
y = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.0, -2.0]], requires_grad=True)

print("add", (x + y).grad_fn._saved_alpha, torch.add(x, y, alpha=2).grad_fn._saved_alpha)
print("sub", (x - y).grad_fn._saved_alpha, torch.sub(x, y, alpha=3).grad_fn._saved_alpha)
print("sub scalar", (x - 2).grad_fn._saved_alpha, (2 - x).grad_fn._saved_alpha)
print("softmax", x.softmax(1).grad_fn._saved_dim)
print("log_softmax", F.log_softmax(x, 0).grad_fn._saved_dim)
print("mse", F.mse_loss(x, y).grad_fn._saved_reduction, F.mse_loss(x, y, reduction="sum").grad_fn._saved_reduction)
print("mse none", F.mse_loss(x, y, reduction="none").grad_fn._saved_reduction)
print("nll", F.nll_loss(x, torch.tensor([0, 2])).grad_fn._saved_reduction)
print("nll sum", F.nll_loss(x, torch.tensor([0, 2]), reduction="sum").grad_fn._saved_reduction)
print("cat", torch.cat([x, y]).grad_fn._saved_dim, torch.cat([x, y], dim=1).grad_fn._saved_dim)
print("pow", x.pow(2).grad_fn._saved_exponent, (x ** 0.5).grad_fn._saved_exponent)
print("sum", x.sum(1, keepdim=True).grad_fn._saved_dim, x.sum(1, keepdim=True).grad_fn._saved_keepdim)
print("mul scalar", (x * 2.0).grad_fn._saved_other, (x * 3).grad_fn._saved_other)
print("div scalar", (x / 4.0).grad_fn._saved_other)
print("leaky_relu", F.leaky_relu(x).grad_fn._saved_negative_slope, F.leaky_relu(x, 0.2).grad_fn._saved_negative_slope)
print("unsqueeze", x.unsqueeze(1).grad_fn._saved_dim, x.unsqueeze(0).grad_fn._saved_dim)
