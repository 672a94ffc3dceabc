# detach() vs detach_() and the in-place error. detach() shares storage and the version
# counter with its source, so zeroing the detached copy changes `out` too, and the
# SigmoidBackward0 node that saved `out` refuses to run: the script ends with PyTorch's
# "modified by an inplace operation" RuntimeError.
import torch

x = torch.tensor([1., 2.], requires_grad=True)
m = x * 3
m.detach_()
print(m.is_leaf, m.requires_grad, m.grad_fn)

a = torch.tensor([1, 2, 3.], requires_grad=True)
out = a.sigmoid()
c = out.detach()
print(c.requires_grad, c.is_leaf)
c.zero_()
print(out)
out.sum().backward()
print(a.grad)
