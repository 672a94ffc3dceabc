# margin_ranking, hinge_embedding, cosine_embedding, poisson_nll, gaussian_nll and
# multilabel_soft_margin losses (functional and module forms, each reduction): values,
# gradients, grad_fn names and errors.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
a = torch.randn(4, requires_grad=True)
b = torch.randn(4, requires_grad=True)
y = torch.tensor([1.0, -1.0, 1.0, -1.0])
for reduction in ["mean", "sum", "none"]:
    loss = F.margin_ranking_loss(a, b, y, margin=0.2, reduction=reduction)
    print("margin_ranking", reduction, loss, loss.grad_fn.name())
    loss.sum().backward()
    print(a.grad, b.grad)
    a.grad = None
    b.grad = None
    loss = F.hinge_embedding_loss(a, y, margin=0.5, reduction=reduction)
    print("hinge", reduction, loss, loss.grad_fn.name())
    loss.sum().backward()
    print(a.grad)
    a.grad = None

x1 = torch.randn(3, 5, requires_grad=True)
x2 = torch.randn(3, 5, requires_grad=True)
t = torch.tensor([1.0, -1.0, -1.0])
for reduction in ["mean", "sum", "none"]:
    loss = F.cosine_embedding_loss(x1, x2, t, margin=-0.1, reduction=reduction)
    print("cosine", reduction, loss, loss.grad_fn.name())
    loss.sum().backward()
    print(x1.grad, x2.grad)
    x1.grad = None
    x2.grad = None
print(nn.CosineEmbeddingLoss()(x1[0], x2[0], torch.tensor(1.0)))

rate = torch.randn(2, 3, requires_grad=True)
counts = torch.tensor([[0.0, 1.0, 2.0], [3.0, 0.0, 5.0]])
for kwargs in [{}, {"full": True}, {"log_input": False, "full": True}, {"reduction": "sum"}, {"reduction": "none"}]:
    inp = rate if kwargs.get("log_input", True) else rate.exp()
    loss = F.poisson_nll_loss(inp, counts, **kwargs)
    print("poisson", kwargs, loss, loss.grad_fn.name())
    loss.sum().backward()
    print(rate.grad)
    rate.grad = None

mu = torch.randn(4, 2, requires_grad=True)
target = torch.randn(4, 2)
var = torch.tensor([[0.5, 1.0], [2.0, 0.0], [1.5, 0.25], [1.0, 3.0]], requires_grad=True)
for kwargs in [{}, {"full": True}, {"reduction": "sum"}, {"reduction": "none"}]:
    loss = F.gaussian_nll_loss(mu, target, var, **kwargs)
    print("gaussian", kwargs, loss, loss.grad_fn.name())
    loss.sum().backward()
    print(mu.grad, var.grad)
    mu.grad = None
    var.grad = None
print(nn.GaussianNLLLoss()(mu, target, torch.ones(4)), nn.GaussianNLLLoss()(mu, target, torch.ones(4, 1)))

logits = torch.randn(3, 4, requires_grad=True)
labels = torch.tensor([[1.0, 0.0, 1.0, 0.0], [0.0, 0.0, 1.0, 1.0], [1.0, 1.0, 1.0, 0.0]])
for kwargs in [{}, {"weight": torch.tensor([1.0, 2.0, 0.5, 1.0])}, {"reduction": "sum"}, {"reduction": "none"}]:
    loss = F.multilabel_soft_margin_loss(logits, labels, **kwargs)
    print("multilabel", loss, loss.grad_fn.name())
    loss.sum().backward()
    print(logits.grad)
    logits.grad = None

mods = [nn.MarginRankingLoss(margin=0.1), nn.HingeEmbeddingLoss(), nn.CosineEmbeddingLoss(reduction="sum"),
        nn.PoissonNLLLoss(full=True), nn.GaussianNLLLoss(eps=0.01), nn.MultiLabelSoftMarginLoss()]
print(mods)
print(mods[0](a, b, y), mods[1](a, y), mods[2](x1, x2, t), mods[3](rate, counts), mods[4](mu, target, var), mods[5](logits, labels))
for bad in [lambda: F.margin_ranking_loss(a, b, y.view(2, 2)), lambda: F.cosine_embedding_loss(x1, x2, t.view(3, 1)),
            lambda: F.cosine_embedding_loss(x1, x2, torch.tensor(1.0))]:
    try:
        bad()
    except RuntimeError as err:
        print("RuntimeError:", err)
for bad in [lambda: F.gaussian_nll_loss(mu, target, -var), lambda: F.gaussian_nll_loss(mu, target, torch.ones(3)),
            lambda: F.poisson_nll_loss(rate, counts, reduction="avg"), lambda: F.multilabel_soft_margin_loss(logits, labels, reduction="avg"),
            lambda: F.hinge_embedding_loss(a, y, reduction="avg")]:
    try:
        bad()
    except ValueError as err:
        print("ValueError:", err)
