import torch
import torch.nn.functional as F

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

attempt(lambda: torch.ones(3).masked_fill_(torch.ones(2, 3, dtype=torch.bool), 1.))
attempt(lambda: torch.ones(2, 3).masked_fill_(torch.ones(2, 1, dtype=torch.bool), 1.))
attempt(lambda: torch.ones(2, 3).scatter_(1, torch.tensor([[0]]), 1.0, reduce='max'))
attempt(lambda: torch.ones(2, 3).index_select(0, torch.tensor([-1])))
attempt(lambda: torch.ones(2, 3).gather(0, torch.tensor([[0, 0, 0, 0]])))
attempt(lambda: torch.ones(2, 3).gather(0, torch.tensor([[[0]]])))
attempt(lambda: torch.ones(2, 3).scatter_add_(0, torch.tensor([[0]]), torch.ones(1, 1, dtype=torch.float64)))
attempt(lambda: torch.lerp(torch.ones(2), torch.ones(2), torch.ones(2, dtype=torch.float64)))
attempt(lambda: torch.addcmul(torch.ones(2), torch.ones(3), torch.ones(2)))
attempt(lambda: F.max_pool2d(torch.ones(1, 1, 4, 4), 2, return_indices=True)[1])
attempt(lambda: F.embedding(torch.tensor([0.5]), torch.ones(3, 2)))
attempt(lambda: F.binary_cross_entropy(torch.tensor([0.5, 1.5]), torch.tensor([1., 0.])))
attempt(lambda: F.binary_cross_entropy(torch.tensor([0.5]), torch.tensor([1., 0.])))
attempt(lambda: torch.matmul(torch.ones(2, 3), torch.ones(3), out=torch.zeros(2)))
attempt(lambda: torch.take(torch.ones(2, 2), torch.tensor([[0, 3]])))
attempt(lambda: torch.ones(2, 2).clamp(min=torch.tensor([0.5, 2.])))
attempt(lambda: torch.ones(2, 2).clamp_(max=torch.tensor([0.5, 2.])))
attempt(lambda: F.dropout2d(torch.ones(3), 0.5))
