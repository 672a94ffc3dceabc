# source: karpathy/micrograd test/test_engine.py@c911406e5ace8742e5841a7e0df113ecb5d54685 (torch half of test_more_ops; values printed instead of compared with micrograd)
import torch

def test_more_ops():

    a = torch.Tensor([-4.0]).double()
    b = torch.Tensor([2.0]).double()
    a.requires_grad = True
    b.requires_grad = True
    c = a + b
    d = a * b + b**3
    c = c + c + 1
    c = c + 1 + c + (-a)
    d = d + d * 2 + (b + a).relu()
    d = d + 3 * d + (b - a).relu()
    e = c - d
    f = e**2
    g = f / 2.0
    g = g + 10.0 / f
    g.backward()
    apt, bpt, gpt = a, b, g

    # forward pass went well
    print(gpt.data.item(), gpt)
    # backward pass went well
    print(apt.grad.item(), apt.grad)
    print(bpt.grad.item(), bpt.grad)
    tol = 1e-6
    print(abs(24.70408163265306 - gpt.data.item()) < tol)
    print(abs(138.83381924198252 - apt.grad.item()) < tol)
    print(abs(645.5772594752186 - bpt.grad.item()) < tol)

test_more_ops()
