import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(4)
loss = nn.TripletMarginLoss(margin=1.0, p=2)
print(loss, nn.TripletMarginLoss(margin=0.5, swap=True), nn.PairwiseDistance())
anchor = torch.randn(8, 16, requires_grad=True)
positive = torch.randn(8, 16, requires_grad=True)
negative = torch.randn(8, 16, requires_grad=True)
out = loss(anchor, positive, negative)
print(out)
fn = out.grad_fn
names = []
while fn is not None:
    names.append(fn.name())
    nxt = [n for n, _ in fn.next_functions if n is not None and "Accumulate" not in n.name()]
    fn = nxt[0] if nxt else None
print(names)
out.backward()
print(anchor.grad[:2])
print(positive.grad[0], negative.grad[7])

anchor.grad = None
s = F.triplet_margin_loss(anchor, positive, negative, margin=2.0, p=1, swap=True, reduction="none")
print(s)
s.sum().backward()
print(anchor.grad[3])
print(F.triplet_margin_loss(anchor, positive, negative, margin=0.3, reduction="sum"))
print(F.triplet_margin_loss(anchor, positive, negative, p=3.0, eps=0.01))

d = F.pairwise_distance(anchor[:3], positive[:3])
print(d, d.grad_fn.name(), d.grad_fn.next_functions[0][0].name())
print(nn.PairwiseDistance(p=1.0, keepdim=True)(anchor[:2], negative[:2]))
print(torch.pairwise_distance(torch.ones(3), torch.zeros(3)))

for bad in [lambda: F.triplet_margin_loss(anchor, positive, negative, margin=-1.0),
            lambda: F.triplet_margin_loss(anchor, positive[0], negative),
            lambda: nn.TripletMarginLoss(margin=0.0),
            lambda: F.triplet_margin_loss(anchor, positive, negative, reduction="avg")]:
    try:
        bad()
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__, e)
