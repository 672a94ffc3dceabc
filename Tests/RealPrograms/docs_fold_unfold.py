# source: pytorch/pytorch torch/nn/modules/fold.py (docstring examples of Fold and Unfold, the note's fold(unfold(input)) == divisor * input checked with torch.allclose on a seeded input, the two modules printed; torch.manual_seed(0) added, results printed)
import torch
import torch.nn as nn

torch.manual_seed(0)

fold = nn.Fold(output_size=(4, 5), kernel_size=(2, 2))
input = torch.randn(1, 3 * 2 * 2, 12)
output = fold(input)
print(output.size())

unfold = nn.Unfold(kernel_size=(2, 3))
input = torch.randn(2, 5, 3, 4)
output = unfold(input)
# each patch contains 30 values (2x3=6 vectors, each of 5 channels)
# 4 blocks (2x3 kernels) in total in the 3x4 input
print(output.size())

# Convolution is equivalent with Unfold + Matrix Multiplication + Fold (or view to output shape)
inp = torch.randn(1, 3, 10, 12)
w = torch.randn(2, 3, 4, 5)
inp_unf = torch.nn.functional.unfold(inp, (4, 5))
out_unf = inp_unf.transpose(1, 2).matmul(w.view(w.size(0), -1).t()).transpose(1, 2)
out = torch.nn.functional.fold(out_unf, (7, 8), (1, 1))
# or equivalently (and avoiding a copy),
# out = out_unf.view(1, 2, 7, 8)
print((torch.nn.functional.conv2d(inp, w) - out).abs().max())

fold_params = dict(kernel_size=(2, 3), dilation=1, padding=1, stride=(1, 2))
fold = nn.Fold(output_size=(3, 4), **fold_params)
unfold = nn.Unfold(**fold_params)
print(fold)
print(unfold)
input = torch.randn(2, 5, 3, 4)
input_ones = torch.ones(input.shape, dtype=input.dtype)
divisor = fold(unfold(input_ones))
print(divisor)
print(torch.allclose(fold(unfold(input)), divisor * input))
