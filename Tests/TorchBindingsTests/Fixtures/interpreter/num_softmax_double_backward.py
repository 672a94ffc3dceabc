# gradients of softmax / log_softmax gradients (create_graph): SoftmaxBackwardDataBackward0 and
# LogSoftmaxBackwardDataBackward0 with their next functions, and the second derivatives' values
import torch
torch.manual_seed(5)
for f in [torch.softmax, torch.log_softmax]:
    for dim in [0, 1]:
        x = torch.randn(3, 5, dtype=torch.float64, requires_grad=True)
        g = torch.randn(3, 5, dtype=torch.float64, requires_grad=True)
        gx, = torch.autograd.grad(f(x, dim), x, g, create_graph=True)
        print(gx.grad_fn.name(), [n[0].name() if n[0] else None for n in gx.grad_fn.next_functions])
        v = torch.randn(3, 5, dtype=torch.float64)
        ggx, ggg = torch.autograd.grad(gx, (x, g), v)
        print([round(a, 12) for a in ggx.reshape(-1).tolist()[:5]], [round(a, 12) for a in ggg.reshape(-1).tolist()[:5]])
