# Batch norm written with tensor ops (d2l's batch_norm): mean, variance, the normalised value and
# every gradient back to the input, all digits (the divisor gradient's order matters here).
import torch

torch.manual_seed(0)
for shape, dims in (((32, 120), (0,)), ((8, 6, 5, 5), (0, 2, 3))):
    X = torch.randn(*shape, requires_grad=True)
    pshape = [1 if d in dims else s for d, s in enumerate(shape)]
    gamma = torch.ones(pshape, requires_grad=True)
    beta = torch.zeros(pshape, requires_grad=True)
    mean = X.mean(dim=dims, keepdim=True)
    var = ((X - mean) ** 2).mean(dim=dims, keepdim=True)
    X_hat = (X - mean) / torch.sqrt(var + 1e-5)
    Y = gamma * X_hat + beta
    Y.backward(torch.randn(*shape))
    print([repr(v) for v in X.grad.flatten()[:40].tolist()])
    print(repr(X.grad.double().sum().item()), repr(X.grad.abs().double().sum().item()))
    print([repr(v) for v in gamma.grad.flatten().tolist()][:24])
    print([repr(v) for v in beta.grad.flatten().tolist()][:24])
