# torch.cov (correction, fweights, aweights, 1-D and integer inputs, the degrees-of-freedom
# warning, PyTorch's errors) and torch.corrcoef: values to the last digit, gradients, graphs.
import torch

torch.manual_seed(0)
x = torch.randn(3, 40)
print(torch.cov(x).tolist())
print(torch.corrcoef(x).tolist())
print(x.double().cov(correction=0).tolist()[1], x.corrcoef().tolist()[2])
fw = torch.randint(0, 4, (40,))
aw = torch.rand(40)
print(torch.cov(x, fweights=fw).tolist()[0], torch.cov(x, aweights=aw).tolist()[1], torch.cov(x, correction=3, fweights=fw, aweights=aw).tolist()[2])
print(torch.cov(x[0]), torch.corrcoef(x[1]), torch.cov(torch.tensor([[1, 2, 4], [2, 1, 0]])), torch.corrcoef(torch.tensor([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])))
y = torch.tensor([[1.0, 2.0, 4.0, 7.0], [2.0, 1.0, 0.5, 0.0]], requires_grad=True)
c = torch.cov(y)
print(c, c.grad_fn.name(), c.grad_fn.next_functions[0][0].name(), c.grad_fn.next_functions[0][0].next_functions[0][0].name())
c.sum().backward()
print(y.grad)
y.grad = None
r = torch.corrcoef(y)
print(r, r.grad_fn.name())
r[0, 1].backward()
print(y.grad)
print(torch.cov(torch.tensor([[1.0, 2.0]]), correction=2))
for bad in [lambda: torch.cov(torch.ones(2, 2, 2)), lambda: torch.cov(x, fweights=aw), lambda: torch.cov(x, aweights=fw),
            lambda: torch.cov(x, fweights=fw[:5]), lambda: torch.cov(x, aweights=-aw), lambda: torch.cov(x, fweights=fw * 0),
            lambda: torch.corrcoef(torch.ones(1, 2, 3)), lambda: torch.cov(torch.tensor([True, False]))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
