# source: https://isolution.pro/pl/q/so70664047/jak-moge-laczyc-i-nakladac-dwa-tensory (mirror of the Stack Overflow question "How can I combine and overlap two tensors?" and its unfold/fold answer; the question's a, b and expected result written as float tensors, each result the answer shows printed)
import torch
from torch.nn import functional as nnf

a = torch.tensor([[1., 2., 3.], [1., 2., 3.]])
b = torch.tensor([[5., 6., 7.], [5., 6., 7.]])
result = torch.tensor([[[[1., 2., 4., 6., 7.], [1., 2., 4., 6., 7.]]]])

recovered = nnf.unfold(result, kernel_size=(2, 3), stride=2)
print(recovered)

uf = torch.cat((a.view(1, 6, 1), b.view(1, 6, 1)), dim=2)
raw = nnf.fold(uf, (2, 5), kernel_size=(2, 3), stride=2)
print(raw)

counter = nnf.fold(torch.ones_like(uf), (2, 5), kernel_size=(2, 3), stride=2)
result = raw / counter
print(result)
