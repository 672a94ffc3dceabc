# trace adds a float32 diagonal in double precision (trace_cpu's acc_type), then rounds once.
import torch
torch.manual_seed(0)
for n in (3, 6, 17, 33):
    m = torch.randn(n, n, requires_grad=True)
    t = m.trace()
    t.backward()
    print(repr(t.item()), type(t.grad_fn).__name__, repr(m.double().trace().item()), m.grad.trace().item())
print(torch.arange(9).view(3, 3).trace(), torch.randn(3, 5).trace().dtype)
