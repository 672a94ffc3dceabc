import torch

torch.manual_seed(0)
A = torch.randn(5, 3, dtype=torch.float64)
W = torch.randn(3, 4)
for M in (A, W, A.t(), torch.randn(2, 3, 3)):
    for mode in ("reduced", "complete", "r"):
        r = torch.linalg.qr(M, mode=mode)
        print(mode, type(r).__name__, r.Q, r.R, r.Q.shape, r.Q.stride(), r.R.stride())

# gradients through Q and R, tall and wide, batched
for shape in ((4, 3), (3, 4), (2, 3, 2)):
    X = torch.randn(*shape, dtype=torch.float64, requires_grad=True)
    Q, R = torch.linalg.qr(X)
    print(Q.grad_fn.name(), Q.grad_fn._saved_mode, Q.grad_fn._saved_Q.shape, Q.grad_fn._saved_R.shape)
    (Q.sin().sum() + (R * R).sum()).backward()
    print(X.grad)
    X.grad = None
    torch.linalg.qr(X)[1].sum().backward()
    print(X.grad)
    X.grad = None
    torch.linalg.qr(X)[0].pow(3).sum().backward()
    print(X.grad)
X = torch.randn(3, 3, requires_grad=True)
Q, R = torch.linalg.qr(X, mode="complete")
(Q @ R).sum().backward()
print(X.grad)

# the derivative's limits
X = torch.randn(4, 2, requires_grad=True)
for mode in ("complete", "r"):
    Q, R = torch.linalg.qr(X, mode=mode)
    try:
        R.sum().backward()
    except RuntimeError as e:
        print(e)

# nn.init.orthogonal_: same draws, same QR, same signs
for shape, gain in (((4, 4), 1), ((3, 7), 1), ((8, 2), 0.5), ((5, 2, 2), 2.0), ((16, 16), 1)):
    w = torch.empty(*shape)
    out = torch.nn.init.orthogonal_(w, gain=gain)
    print(out is w, w)
print(torch.randn(2))
lin = torch.nn.Linear(6, 4)
torch.nn.init.orthogonal_(lin.weight)
print(lin.weight, lin.weight.requires_grad, lin.weight.grad_fn)
gru = torch.nn.GRU(3, 4)
for name, p in gru.named_parameters():
    if "weight_hh" in name:
        torch.nn.init.orthogonal_(p)
        print(name, p)
try:
    torch.nn.init.orthogonal_(torch.empty(3))
except ValueError as e:
    print(e)
print(torch.nn.init.orthogonal_(torch.empty(0, 3)))
