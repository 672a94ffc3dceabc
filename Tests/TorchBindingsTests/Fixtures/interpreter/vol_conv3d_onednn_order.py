# conv3d where PyTorch runs oneDNN's direct kernels (a batch of two): forward, input, weight and
# bias gradients over 20 input channels (two 16-channel blocks), stride, padding and dilation,
# and what ConvolutionBackward0 keeps.
import torch
import torch.nn.functional as F

torch.manual_seed(7)
x = torch.randn(2, 20, 4, 5, 6, requires_grad=True)
w = torch.randn(18, 20, 3, 2, 3, requires_grad=True)
b = torch.randn(18, requires_grad=True)
y = F.conv3d(x, w, b, padding=(1, 0, 1))
g = torch.randn_like(y)
y.backward(g, retain_graph=True)
print(y.shape, y[1, 17, 2], y.sum())
print(x.grad[0, 19, 1], w.grad[3, 5], b.grad)
fn = y.grad_fn
print(fn.name(), fn._saved_stride, fn._saved_padding, fn._saved_dilation, fn._saved_groups)
print(fn._saved_transposed, fn._saved_output_padding, fn._saved_bias_sym_sizes_opt)
print(fn._saved_input.shape, fn._saved_weight.shape, fn.next_functions)

x2 = torch.randn(3, 4, 6, 6, 7, requires_grad=True)
w2 = torch.randn(5, 4, 2, 3, 3, requires_grad=True)
y2 = F.conv3d(x2, w2, stride=(1, 2, 2), padding=1, dilation=(2, 1, 1))
y2.sum().backward()
print(y2.shape, y2[2, 4, 1], y2.grad_fn._saved_bias_sym_sizes_opt)
print(w2.grad[1, 3, 1])
y3 = F.conv3d(x2, w2, padding="same")
print(y3.shape, y3[0, 0, 5, 2], y3.grad_fn._saved_padding)
