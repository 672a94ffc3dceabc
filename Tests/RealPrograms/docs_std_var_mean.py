# source: pytorch/pytorch torch/_torch_docs.py (docstring examples of torch.std, torch.var, torch.std_mean, torch.var_mean, torch.mean, torch.median, torch.logsumexp joined; tensor literals as in the docs, randn seeded with torch.manual_seed(0))
import torch

torch.manual_seed(0)  # added

a = torch.tensor(
    [[ 0.2035,  1.2959,  1.8101, -0.4644],
     [ 1.5027, -0.3270,  0.5905,  0.6538],
     [-1.5745,  1.3330, -0.5596, -0.6548],
     [ 0.1264, -0.5080,  1.6420,  0.1992]]
)  # fmt: skip
print(torch.std(a, dim=1, keepdim=True))

print(torch.var(a, dim=1, keepdim=True))

print(torch.std_mean(a, dim=0, keepdim=True))

print(torch.var_mean(a, dim=0, keepdim=True))

print(torch.std(a, unbiased=False))
print(torch.var(a, correction=0))
print(a.std(), a.var(), a.mean())

a = torch.randn(1, 3)
print(a)
print(torch.mean(a))
a = torch.randn(4, 4)
print(a)
print(torch.mean(a, 1))
print(torch.mean(a, 1, True))

a = torch.randn(1, 3)
print(a)
print(torch.median(a))
a = torch.randn(4, 5)
print(a)
print(torch.median(a, 1))

a = torch.randn(3, 3)
print(torch.logsumexp(a, 1))
