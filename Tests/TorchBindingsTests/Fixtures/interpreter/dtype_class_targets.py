# Class-index targets: int64 and uint8 accepted, other dtypes refused with PyTorch's message.
import torch
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(3, 4, requires_grad=True)
for dt in [torch.int64, torch.uint8]:
    t = torch.tensor([1, 0, 3], dtype=dt)
    loss = F.cross_entropy(x, t)
    loss.backward()
    print(dt, loss, F.nll_loss(x.log_softmax(1), t), x.grad.sum(1))
    x.grad = None
for dt in [torch.int32, torch.int16, torch.int8, torch.float32]:
    for f in [F.cross_entropy, F.nll_loss]:
        try:
            f(x, torch.tensor([1, 0, 3], dtype=dt))
        except Exception as e:
            print(type(e).__name__, e)
emb = torch.nn.Embedding(5, 2)
print(emb(torch.tensor([[4, 0]], dtype=torch.int32)).shape, F.one_hot(torch.tensor([1, 2]), 3).dtype)
