import torch

a = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0, 5.0], requires_grad=True)
c = torch.tensor([1.0, 2.0, 3.0])

y = a * b
print(y.grad_fn._saved_self is a, y.grad_fn._saved_other is b)
y2 = a * c
print(y2.grad_fn._saved_self, y2.grad_fn._saved_other)
y3 = c * a
print(y3.grad_fn._saved_self, y3.grad_fn._saved_other)
d = a / b
print(d.grad_fn._saved_self, d.grad_fn._saved_other)
d2 = a / c
print(d2.grad_fn._saved_self, d2.grad_fn._saved_other)

for f in [torch.exp, torch.sin, torch.cos, torch.tanh, torch.sigmoid, torch.relu, torch.log]:
    r = f(a.abs() + 0.1)
    name = r.grad_fn.name()
    saved = r.grad_fn._saved_result if name in ("ExpBackward0", "TanhBackward0", "SigmoidBackward0", "ReluBackward0") else r.grad_fn._saved_self
    print(name, saved)

e = torch.exp(a)
print(e.grad_fn._saved_result.equal(e), e.grad_fn._saved_result is e)
p = a ** b
print(p.grad_fn._saved_self is a, p.grad_fn._saved_exponent is b, p.grad_fn._saved_result.equal(p))

m1 = torch.ones(2, 3, requires_grad=True)
m2 = torch.full((3, 2), 2.0, requires_grad=True)
mm = m1.mm(m2)
print(mm.grad_fn._saved_self is m1, mm.grad_fn._saved_mat2 is m2)
mm2 = m1.mm(torch.ones(3, 2))
print(mm2.grad_fn._saved_self, mm2.grad_fn._saved_mat2)

try:
    print(y.grad_fn._saved_nothing)
except AttributeError as err:
    print("AttributeError:", err)

# after backward without retain_graph the saved tensors are gone
s = (a * b).sum()
node = s.grad_fn.next_functions[0][0]
s.backward()
try:
    node._saved_self
except RuntimeError as err:
    print("RuntimeError:", err)

# with retain_graph they stay
s = (a * b).sum()
node = s.grad_fn.next_functions[0][0]
s.backward(retain_graph=True)
print(node._saved_other)
