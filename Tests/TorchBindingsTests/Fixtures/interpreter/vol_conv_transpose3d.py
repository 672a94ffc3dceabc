# conv_transpose3d: the adjoint of conv3d (checked against conv3d's input gradient), output_padding
# and groups, ConvolutionBackward0's kept values, and gradients against finite differences.
import torch
import torch.nn.functional as F

torch.manual_seed(5)
x = torch.randn(2, 4, 3, 4, 3, requires_grad=True)
w = torch.randn(4, 3, 2, 3, 2, requires_grad=True)
y = F.conv_transpose3d(x, w, stride=2, padding=(1, 0, 0), output_padding=(1, 0, 1))
print(y.shape, y.grad_fn.name())
fn = y.grad_fn
print(fn._saved_stride, fn._saved_padding, fn._saved_output_padding, fn._saved_dilation, fn._saved_transposed, fn._saved_groups, fn._saved_bias_sym_sizes_opt)
z = torch.randn(2, 3, 2, 7, 6, requires_grad=True)
adjoint, = torch.autograd.grad(F.conv3d(z, w, stride=2).sum(), z, create_graph=False)
print(torch.allclose(F.conv_transpose3d(torch.ones(2, 4, 1, 3, 3), w, stride=2), adjoint, atol=1e-5))
g = F.conv_transpose3d(x, w[:, :1], groups=2, bias=torch.zeros(2))
print(g.shape, g.grad_fn._saved_groups, g.grad_fn._saved_bias_sym_sizes_opt)
xd = torch.randn(1, 2, 2, 3, 2, dtype=torch.float64, requires_grad=True)
wd = torch.randn(2, 2, 2, 2, 3, dtype=torch.float64, requires_grad=True)
bd = torch.randn(2, dtype=torch.float64, requires_grad=True)
print(torch.autograd.gradcheck(lambda a, c, d: F.conv_transpose3d(a, c, d, stride=(2, 1, 2), output_padding=(1, 0, 0)), (xd, wd, bd)))
m = torch.nn.ConvTranspose3d(2, 3, (2, 3, 2), stride=2)
print(m, m.weight.shape, m(xd.float()).shape)
