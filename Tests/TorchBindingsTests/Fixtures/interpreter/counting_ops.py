# nonzero/argwhere, bincount (weights, minlength), histc (range from the data, values outside
# ignored) and searchsorted (right/side, scalar, batched boundaries): values, dtypes, errors.
import torch

print(torch.nonzero(torch.tensor([[1, 0], [0, 3]])), torch.tensor([0.0, 1.0, 2.0]).nonzero())
print(torch.nonzero(torch.tensor(5)), torch.nonzero(torch.tensor(0)), torch.argwhere(torch.tensor([0, 1, 1])))
x = torch.tensor([[0.5, 0.0], [1.0, 1.0]], requires_grad=True)
print(x.nonzero(), x.nonzero().requires_grad, torch.nonzero(torch.tensor([True, False, True])))
print(torch.bincount(torch.tensor([0, 1, 1, 3])), torch.bincount(torch.tensor([2, 2, 0]), minlength=5))
print(torch.bincount(torch.tensor([0, 1, 1, 3]), weights=torch.tensor([0.5, 1.0, 2.0, 3.0])))
print(torch.bincount(torch.tensor([0, 1]), weights=torch.tensor([0.5, 1.0], dtype=torch.float64)), torch.bincount(torch.tensor([], dtype=torch.int64)))
v = torch.tensor([1.0, 2.5, 0.3, 2.5, -1.0, 3.0, 4.0], requires_grad=True)
h = torch.histc(v, bins=4, min=0, max=3)
print(h, h.requires_grad, torch.histc(torch.tensor([1.0, 2.0, 1.0]), bins=4), v.histc(bins=3, min=1, max=1))
print(torch.histc(torch.tensor([2.0, 2.0]), bins=2), torch.histc(torch.tensor([0.1, 0.2, 0.9], dtype=torch.float64), bins=5, min=0, max=1))
s = torch.tensor([1.0, 3.0, 5.0, 7.0, 9.0])
q = torch.tensor([[3.0, 6.0, 9.0], [3.0, 6.0, 10.0]], requires_grad=True)
r = torch.searchsorted(s, q)
print(r, r.requires_grad, torch.searchsorted(s, q, right=True), torch.searchsorted(s, q, side="right"), torch.searchsorted(s, 5.0))
print(torch.searchsorted(torch.tensor([[1.0, 3.0, 5.0], [2.0, 4.0, 6.0]]), torch.tensor([[3.0, 0.0], [6.0, 7.0]])))
print(torch.searchsorted(torch.tensor([1, 2, 2, 3]), torch.tensor([2])), torch.searchsorted(torch.tensor([1, 2, 2, 3]), torch.tensor([2]), side="right"))
for bad in [lambda: torch.bincount(torch.tensor([-1, 2])), lambda: torch.bincount(torch.tensor([[1]])),
            lambda: torch.bincount(torch.tensor([1]), minlength=-1), lambda: torch.histc(torch.tensor([1.0]), bins=-1),
            lambda: torch.histc(torch.tensor([1.0]), min=2, max=1), lambda: torch.searchsorted(s, q, right=True, side="left"),
            lambda: torch.searchsorted(torch.ones(2, 3), torch.ones(3, 3)), lambda: torch.searchsorted(s, q, side="up")]:
    try:
        bad()
    except RuntimeError as err:
        print("RuntimeError:", err)
for bad in [lambda: torch.bincount(torch.tensor([1.0])), lambda: torch.histc(torch.tensor([1, 2]), bins=2)]:
    try:
        bad()
    except NotImplementedError as err:
        print("NotImplementedError:", err)
