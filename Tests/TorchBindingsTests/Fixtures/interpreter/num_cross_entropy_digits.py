# cross_entropy / nn.CrossEntropyLoss / NLLLoss over log_softmax: the loss and its gradient with
# all their digits, batches of several sizes and class counts (including 10 and 1000 classes),
# float32 and float64, with class weights and ignore_index (an out-of-range target raises
# IndexError); a small classifier trained a few steps prints its losses
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(3)
for dt in [torch.float32, torch.float64]:
    for batch, classes in [(1, 3), (4, 10), (7, 17), (32, 10), (5, 1000)]:
        logits = (torch.randn(batch, classes, dtype=dt) * 2).requires_grad_()
        target = torch.randint(0, classes, (batch,))
        loss = F.cross_entropy(logits, target)
        loss.backward()
        g = logits.grad.reshape(-1).tolist()
        print(dt, batch, classes, loss.item(), sum(g), g[0], g[-1], max(g))
        lp = F.log_softmax(logits.detach(), dim=1)
        print(F.nll_loss(lp, target, reduction="sum").item(), nn.CrossEntropyLoss(reduction="none")(logits.detach(), target).tolist()[:3])
model = nn.Sequential(nn.Linear(20, 32), nn.ReLU(), nn.Linear(32, 10))
opt = torch.optim.SGD(model.parameters(), lr=0.1)
x = torch.randn(64, 20)
y = torch.randint(0, 10, (64,))
for step in range(5):
    opt.zero_grad()
    loss = nn.CrossEntropyLoss()(model(x), y)
    loss.backward()
    opt.step()
    print(step, loss.item())
print(F.softmax(model(x[:2]), dim=1))
for dt in [torch.float32, torch.float64]:
    logits = (torch.randn(40, 6, dtype=dt) * 2).requires_grad_()
    target = torch.randint(0, 6, (40,))
    target[3] = -100
    w = torch.rand(6, dtype=dt) + 0.1
    for reduction in ["mean", "sum", "none"]:
        loss = F.cross_entropy(logits, target, weight=w, reduction=reduction)
        gl, = torch.autograd.grad(loss.sum(), logits)
        print(reduction, loss.sum().item(), gl.sum().item(), gl[0].tolist())
    print(nn.CrossEntropyLoss(weight=w, ignore_index=1)(logits, target.clamp(min=0)).item())
    print(nn.NLLLoss(reduction="sum")(F.log_softmax(logits, 1), target.clamp(min=0)).item())
    print(F.nll_loss(F.log_softmax(logits, 1), target, w, None, 5, None, "sum").item())
    print(F.nll_loss(F.log_softmax(logits, 1), target, ignore_index=2).item())
