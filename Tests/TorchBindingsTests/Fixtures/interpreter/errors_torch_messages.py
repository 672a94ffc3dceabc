import torch
def attempt(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: torch.ones(2) + torch.ones(3))
attempt(lambda: torch.ones(2, 3) @ torch.ones(2, 3))
attempt(lambda: torch.ones(3).view(2, 2))
attempt(lambda: torch.ones(2).sum(dim=3))
attempt(lambda: torch.ones(2)[3])
attempt(lambda: torch.ones(2).backward())
attempt(lambda: torch.tensor([[1, 2], [3]]))
attempt(lambda: torch.ones(2).transpose(0, 2))
attempt(lambda: torch.ones(2, 2).mm(torch.ones(3, 3)))
attempt(lambda: torch.ones(2).dot(torch.ones(3)))
attempt(lambda: torch.ones(2).foo)
attempt(lambda: torch.nosuch)
attempt(lambda: torch.ones(2, 2).unsqueeze(5))
attempt(lambda: torch.ones(2, 3).permute(0))
