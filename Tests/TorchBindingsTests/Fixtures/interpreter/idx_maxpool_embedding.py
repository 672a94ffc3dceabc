import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(3)
x = torch.randn(1, 2, 4, 5, requires_grad=True)
v, i = F.max_pool2d(x, 2, return_indices=True)
print(v, i, sep="\n")
print(v.grad_fn.name(), i.dtype, i.requires_grad)
v.sum().backward()
print(x.grad)
pool = nn.MaxPool2d(3, stride=2, padding=1, return_indices=True)
print(pool)
out, ind = pool(x)
print(out.shape, ind)
print(F.max_pool2d(x, 2, ceil_mode=True).shape)
print(F.max_pool2d(x, 2, stride=1, dilation=2, return_indices=True)[1])
v2, i2 = F.max_pool2d_with_indices(x[0], (2, 3))
print(v2, i2, sep="\n")

emb = nn.Embedding(5, 3, padding_idx=0)
ids = torch.tensor([[0, 2, 4], [4, 4, 1]])
e = emb(ids)
print(e.shape, e.grad_fn.name())
e.sum().backward()
print(emb.weight.grad)
w = torch.randn(4, 2, requires_grad=True)
print(F.embedding(torch.tensor([3, 1]), w))
print(F.embedding(torch.tensor([3, 1]), w, padding_idx=-1).grad_fn.name())
try:
    F.embedding(torch.tensor([1]), w, padding_idx=4)
except AssertionError as err:
    print("AssertionError", err)
try:
    F.embedding(torch.tensor([4]), w)
except IndexError as err:
    print("IndexError", err)

p = torch.sigmoid(torch.randn(3, 2, requires_grad=True))
t = torch.tensor([[1., 0.], [0., 1.], [1., 1.]])
wt = torch.tensor([1., 2.])
print(F.binary_cross_entropy(p, t))
print(F.binary_cross_entropy(p, t, weight=wt, reduction='sum'))
print(F.binary_cross_entropy(p, t, reduction='none'))
print(nn.BCELoss(weight=wt)(p, t).grad_fn.name())
s1 = torch.arange(10.).reshape(1, 2, 5).requires_grad_()
v1, i1 = F.max_pool1d(s1, 2, return_indices=True)
print(v1, i1, sep="\n")
a1 = F.avg_pool1d(s1, 3, stride=2, padding=1)
print(a1)
(v1.sum() + a1.sum()).backward()
print(s1.grad)
print(nn.MaxPool1d(2), nn.AvgPool1d(3, stride=2))
print(nn.MaxPool1d(3, stride=1, padding=1)(torch.tensor([[4., 1., 7., 3.]])))
print(nn.AvgPool1d(2)(torch.tensor([[4., 1., 7., 3.]])))
for f in [lambda: F.max_pool1d(torch.ones(5), 2), lambda: F.avg_pool1d(torch.ones(5), 2)]:
    try:
        f()
    except RuntimeError as err:
        print("RuntimeError", err)
