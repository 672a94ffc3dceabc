# source: pytorch/pytorch torch/_torch_docs.py and torch/_tensor_docs.py (docstring examples of torch.bitwise_and/or/xor/not/left_shift/right_shift and Tensor.index_copy_; each >>> result printed)
import torch

print(torch.bitwise_and(torch.tensor([-1, -2, 3], dtype=torch.int8), torch.tensor([1, 0, 3], dtype=torch.int8)))
print(torch.bitwise_and(torch.tensor([True, True, False]), torch.tensor([False, True, False])))
print(torch.bitwise_or(torch.tensor([-1, -2, 3], dtype=torch.int8), torch.tensor([1, 0, 3], dtype=torch.int8)))
print(torch.bitwise_or(torch.tensor([True, True, False]), torch.tensor([False, True, False])))
print(torch.bitwise_xor(torch.tensor([-1, -2, 3], dtype=torch.int8), torch.tensor([1, 0, 3], dtype=torch.int8)))
print(torch.bitwise_xor(torch.tensor([True, True, False]), torch.tensor([False, True, False])))
print(torch.bitwise_not(torch.tensor([-1, -2, 3], dtype=torch.int8)))
print(torch.bitwise_left_shift(torch.tensor([-1, -2, 3], dtype=torch.int8), torch.tensor([1, 0, 3], dtype=torch.int8)))
print(torch.bitwise_right_shift(torch.tensor([-2, -7, 31], dtype=torch.int8), torch.tensor([1, 0, 3], dtype=torch.int8)))

x = torch.zeros(5, 3)
t = torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]], dtype=torch.float)
index = torch.tensor([0, 4, 2])
print(x.index_copy_(0, index, t))
