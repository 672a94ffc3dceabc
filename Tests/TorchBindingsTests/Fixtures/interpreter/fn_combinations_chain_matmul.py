import torch

a = torch.tensor([1.0, 2.0, 3.0, 5.0], requires_grad=True)
for r, rep in [(2, False), (3, False), (2, True), (1, False), (0, False), (5, False)]:
    c = torch.combinations(a, r=r, with_replacement=rep)
    print(r, rep, c, c.grad_fn)
c = torch.combinations(a, 3, True)
(c * torch.arange(c.numel(), dtype=torch.float32).view(c.shape)).sum().backward()
print(a.grad)
print(torch.combinations(torch.tensor([1, 2, 3])), torch.combinations(torch.tensor([]), 2))
for bad in [lambda: torch.combinations(torch.ones(2, 2)), lambda: torch.combinations(a, -1)]:
    try:
        bad()
    except RuntimeError as err:
        print("RuntimeError", err)
torch.manual_seed(0)
m = [torch.randn(2, 3, requires_grad=True), torch.randn(3, 4), torch.randn(4, 5), torch.randn(5, 2)]
r = torch.chain_matmul(*m)
r.sum().backward()
print(r, r.grad_fn.name(), m[0].grad)
one = torch.chain_matmul(m[0])
print(one, one.grad_fn.name())
for bad in [lambda: torch.chain_matmul(), lambda: torch.chain_matmul(m[0], torch.randn(3))]:
    try:
        bad()
    except RuntimeError as err:
        print("RuntimeError", err)
