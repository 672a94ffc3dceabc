# Gradients of permuted leaves: elementwise backward layouts and AccumulateGrad's layout contract.
import torch

torch.manual_seed(3)
for dtype in (torch.float32, torch.float64):
    x = torch.randn(5, 10, dtype=dtype).t().detach().requires_grad_()
    torch.sin(x).sum().backward()
    print(dtype, x.grad.stride(), x.grad.is_contiguous(), x.grad.sum().item())
    x.grad = None
    (torch.exp(x) * x).sum().backward()
    print(x.grad.stride(), x.grad.sum().item())
    (x * x).mean().backward()
    print(x.grad.stride(), x.grad.sum().item())
    w = torch.randn(10, 5, dtype=dtype, requires_grad=True)
    (w * x).sum().backward()
    print(w.grad.stride(), x.grad.stride(), w.grad.sum().item(), x.grad.sum().item())
    h = x.sigmoid()
    g = torch.autograd.grad(h.sum(), x)[0]
    print(g.stride(), g.sum().item())
    z = torch.randn(2, 3, 4, dtype=dtype).permute(1, 2, 0).detach().requires_grad_()
    torch.tanh(z).pow(2).sum().backward()
    print(z.grad.stride(), z.grad.sum().item())
    u = torch.randn(4, 6, dtype=dtype, requires_grad=True)
    (u.t().exp() * 2).sum().backward()
    print(u.grad.stride(), u.grad.sum().item())
    v = torch.randn(4, 6, dtype=dtype).t().detach().requires_grad_()
    (v + 1).sum().backward()
    (v * v).sum().backward()
    print(v.grad.stride(), v.grad.sum().item())
