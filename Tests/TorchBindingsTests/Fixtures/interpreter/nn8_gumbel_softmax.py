# F.gumbel_softmax: soft samples, hard one-hot samples with the soft sample's gradient
# (straight-through), PyTorch's random stream, and the deprecated eps warning.
import torch
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(3, 5, requires_grad=True)
soft = F.gumbel_softmax(logits, tau=0.7)
print(soft, type(soft.grad_fn).__name__)
hard = F.gumbel_softmax(logits, tau=0.5, hard=True)
print(hard, type(hard.grad_fn).__name__)
(hard * torch.arange(5.0)).sum().backward()
print(logits.grad)
cols = F.gumbel_softmax(logits.detach().t(), hard=True, dim=0)
print(cols.sum(0), cols.argmax(0))
print(F.gumbel_softmax(torch.zeros(4, dtype=torch.float64), tau=2.0, eps=1e-5))
