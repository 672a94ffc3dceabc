# source: pytorch/pytorch torch/functional.py (docstring example of cdist; each >>> result printed)
import torch

a = torch.tensor([[0.9041, 0.0196], [-0.3108, -2.4423], [-0.4821, 1.059]])
print(a)
b = torch.tensor([[-2.1763, -0.4713], [-0.6986, 1.3702]])
print(b)
print(torch.cdist(a, b, p=2))
