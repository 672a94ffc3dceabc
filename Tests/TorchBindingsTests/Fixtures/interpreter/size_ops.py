import torch
s = torch.ones(2, 3, 4).shape
print(s, len(s), s[0], s[-1], s[1:], s[::-1] if False else "skip", list(s), tuple(s))
print(s == (2, 3, 4), s == [2, 3, 4], s != (1,), s.numel())
print(torch.Size([1, 2]) + torch.Size([3]) if False else "skip")
a, b, c = s
print(a * b * c)
print(torch.zeros(s).shape, torch.ones(*s[:2]).shape)
print(isinstance(s, torch.Size), type(s))
print(str(s), repr(s), f"{s}")
print(torch.Size([]), torch.tensor(1.).shape == ())
