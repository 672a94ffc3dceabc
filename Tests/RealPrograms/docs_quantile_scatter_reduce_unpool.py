# source: pytorch/pytorch torch/_torch_docs.py, torch/_tensor_docs.py and torch/nn/modules/pooling.py (the docstring examples of torch.quantile, torch.nanquantile, Tensor.scatter_reduce, nn.MaxUnpool1d and nn.MaxUnpool2d, each >>> result printed; torch.manual_seed(0) added before torch.randn)
import torch
import torch.nn as nn

torch.manual_seed(0)
a = torch.randn(2, 3)
print(a)
q = torch.tensor([0.25, 0.5, 0.75])
print(torch.quantile(a, q, dim=1, keepdim=True))
print(torch.quantile(a, q, dim=1, keepdim=True).shape)
a = torch.arange(4.)
print(a)
print(torch.quantile(a, 0.6, interpolation='linear'))
print(torch.quantile(a, 0.6, interpolation='lower'))
print(torch.quantile(a, 0.6, interpolation='higher'))
print(torch.quantile(a, 0.6, interpolation='midpoint'))
print(torch.quantile(a, 0.6, interpolation='nearest'))
print(torch.quantile(a, 0.4, interpolation='nearest'))

t = torch.tensor([float('nan'), 1, 2])
print(t.quantile(0.5))
print(t.nanquantile(0.5))
t = torch.tensor([[float('nan'), float('nan')], [1, 2]])
print(t)
print(t.nanquantile(0.5, dim=0))
print(t.nanquantile(0.5, dim=1))

src = torch.tensor([1., 2., 3., 4., 5., 6.])
index = torch.tensor([0, 1, 0, 1, 2, 1])
input = torch.tensor([1., 2., 3., 4.])
print(input.scatter_reduce(0, index, src, reduce="sum"))
print(input.scatter_reduce(0, index, src, reduce="sum", include_self=False))
input2 = torch.tensor([5., 4., 3., 2.])
print(input2.scatter_reduce(0, index, src, reduce="amax"))
print(input2.scatter_reduce(0, index, src, reduce="amax", include_self=False))

pool = nn.MaxPool2d(2, stride=2, return_indices=True)
unpool = nn.MaxUnpool2d(2, stride=2)
input = torch.tensor([[[[ 1.,  2.,  3.,  4.],
                        [ 5.,  6.,  7.,  8.],
                        [ 9., 10., 11., 12.],
                        [13., 14., 15., 16.]]]])
output, indices = pool(input)
print(unpool(output, indices))
# Now using output_size to resolve an ambiguous size for the inverse
input = torch.tensor([[[[ 1.,  2.,  3.,  4.,  5.],
                        [ 6.,  7.,  8.,  9., 10.],
                        [11., 12., 13., 14., 15.],
                        [16., 17., 18., 19., 20.]]]])
output, indices = pool(input)
# This call will not work without specifying output_size
print(unpool(output, indices, output_size=input.size()))

pool = nn.MaxPool1d(2, stride=2, return_indices=True)
unpool = nn.MaxUnpool1d(2, stride=2)
input = torch.tensor([[[1., 2, 3, 4, 5, 6, 7, 8]]])
output, indices = pool(input)
print(unpool(output, indices))
# Example showcasing the use of output_size
input = torch.tensor([[[1., 2, 3, 4, 5, 6, 7, 8, 9]]])
output, indices = pool(input)
print(unpool(output, indices, output_size=input.size()))
print(unpool(output, indices))
