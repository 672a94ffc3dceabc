import torch
import numpy as np

# A tensor inside the data of a new tensor stands for one number (as float(t) would).
print(torch.tensor([torch.tensor(2.0), torch.tensor(3)]))
print(torch.tensor([[torch.tensor([1.5])], [torch.tensor([[2.5]])]]))
for data in ([torch.zeros(3)], [torch.zeros(3), torch.ones(3)], [[torch.zeros(0)]]):
    try:
        print(torch.tensor(data))
    except Exception as e:
        print(type(e).__name__, e)
