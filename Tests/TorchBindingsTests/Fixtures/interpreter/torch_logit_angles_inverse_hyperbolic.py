# torch.logit (eps, special.logit, logit_), deg2rad / rad2deg, acosh / atanh and their arc*
# aliases: bits over vector blocks and tails (40 float32, 20 float64 values), dense and
# strided inputs, gradients, grad_fn names, dtypes, in-place variants and PyTorch's errors.
import torch

torch.manual_seed(0)
p = torch.rand(40)
pd = p[:20].double()
print(torch.logit(p).tolist())
print(torch.logit(pd).tolist())
print(torch.logit(p, eps=0.2).tolist()[:10], torch.logit(p[::2]).tolist(), torch.logit(p.view(4, 10).t()).tolist()[3])
print(torch.logit(torch.tensor([0.0, 1.0, 1.5, -0.5, float("nan")])), torch.logit(torch.tensor([0.0, 1.0, 1.5]), eps=0.25))
print(torch.logit(torch.tensor([0, 1])), torch.special.logit(p[:3], eps=1e-6), p[:4].logit(0.3))
h = torch.rand(40) * 1.9 - 0.95
print(torch.atanh(h).tolist())
print(torch.atanh(h[:20].double()).tolist(), torch.atanh(h[::3]).tolist())
c = torch.rand(40) * 5 + 1
print(torch.acosh(c).tolist())
print(torch.acosh(c[:20].double()).tolist())
print(torch.arccosh(torch.tensor([1, 2, 0])), torch.arctanh(torch.tensor([1.0, -1.0, 2.0])), torch.arcsinh(torch.tensor([0.5, -2.0])))
d = torch.randn(40) * 200
print(torch.deg2rad(d).tolist()[30:], torch.rad2deg(d).tolist()[30:], torch.deg2rad(d.double()).tolist()[:3])
print(torch.deg2rad(torch.tensor([180, 90, -45])), torch.rad2deg(torch.tensor([1, 2])), torch.deg2rad(torch.tensor([True, False])))

x = torch.tensor([0.1, 0.5, 0.95, 0.0], requires_grad=True)
for name, out in [("logit", torch.logit(x)), ("eps", torch.logit(x, eps=0.2)), ("method", x.logit(0.01))]:
    g, = torch.autograd.grad(out, x, torch.tensor([1.0, -2.0, 0.5, 1.0]))
    print(name, out, out.grad_fn.name(), g)
g2, = torch.autograd.grad(torch.logit(x[:3]).sum(), x, create_graph=True)
print(g2, torch.autograd.grad(g2.sum(), x)[0])
t = torch.tensor([[30.0, -90.0], [1.5, 720.0]], requires_grad=True)
for f in [torch.deg2rad, torch.rad2deg, lambda v: v.deg2rad(), lambda v: v.rad2deg()]:
    out = f(t)
    out.backward(torch.tensor([[1.0, 2.0], [-3.0, 0.5]]))
    print(out, out.grad_fn.name(), t.grad)
    t.grad = None
s = torch.tensor([1.5, 2.0, 10.0], requires_grad=True)
r = torch.tensor([-0.5, 0.0, 0.9], requires_grad=True)
for name, out, leaf in [("acosh", torch.acosh(s), s), ("arccosh", s.arccosh(), s), ("atanh", torch.atanh(r), r), ("arctanh", r.arctanh(), r)]:
    out.sum().backward()
    print(name, out, out.grad_fn.name(), leaf.grad)
    leaf.grad = None
w = torch.tensor([0.25, 0.75])
print(w.clone().logit_(), torch.logit_(w.clone(), eps=0.3), w.clone().deg2rad_(), torch.rad2deg_(w.clone()), w.clone().atanh_(), (w + 1).acosh_(), torch.arctanh_(w.clone()))
for op in ["acosh_", "atanh_", "arccosh_"]:
    z = (s if op != "atanh_" else r) * 1
    getattr(z, op)()
    print(op, z.grad_fn.name())
    try:
        z.sum().backward()
    except Exception as e:
        print(type(e).__name__, e)
for bad in [lambda: torch.tensor([180]).deg2rad_(), lambda: torch.tensor([1, 2]).logit_(), lambda: torch.tensor([2]).acosh_()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
