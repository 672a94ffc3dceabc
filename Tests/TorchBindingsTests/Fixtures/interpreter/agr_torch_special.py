import torch
import torch.special
from torch.special import expit
x = torch.tensor([0.2, 0.7, 1.4], requires_grad=True)
for y in [torch.special.expit(x), torch.special.erf(x), torch.special.erfc(x), torch.special.erfinv(x / 2), torch.special.gammaln(x), torch.special.digamma(x), torch.special.psi(x), torch.special.polygamma(1, x), torch.special.log1p(x), torch.special.expm1(x), torch.special.round(x * 10), torch.special.round(x, decimals=1), torch.special.logsumexp(x, 0), torch.special.softmax(x, 0), torch.special.log_softmax(x, 0), expit(x)]:
    print(y, y.grad_fn.name())
    y.sum().backward()
print(x.grad)
o = torch.empty(3)
torch.special.expit(x.detach(), out=o)
print(o)
print(torch.special.softmax(torch.tensor([1, 2]), 0, dtype=torch.float64))
