import torch

x = torch.tensor([0.5, 1.0, 2.0])
for name in ["sin_", "cos_", "exp_", "tanh_", "sigmoid_", "sqrt_", "abs_", "neg_", "reciprocal_", "log_", "relu_"]:
    t = x.clone()
    r = getattr(torch, name)(t)
    print(name, r is t, t, t._version)
t = x.clone()
t.clamp_min_(0.9)
print(t, t._version)
t.clamp_max_(1.5)
print(t, t._version)
t = x.clone()
torch.clamp_(t, 0.7, 1.2)
print(t)
torch.clamp_min_(t, 1.0)
print(t)
y = torch.tensor([0.3, -0.2], requires_grad=True)
h = y * 2
h.clamp_min_(0.0)
print(h.grad_fn.name())
h.sum().backward()
print(y.grad)
h2 = y * 3
h2.clamp_max_(0.5)
print(h2.grad_fn.name())
