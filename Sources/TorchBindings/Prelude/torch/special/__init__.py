# torch.special: the functions PyTorch's torch.special defines as aliases of torch ops GradScope
# has, so each records the op (and grad_fn) PyTorch's alias records: expit is sigmoid, gammaln
# lgamma, psi digamma, round round(decimals=), xlogy and logit the torch functions.
import torch


def _out(result, out):
    if out is None:
        return result
    out.copy_(result)
    return out


def expit(input, *, out=None):
    return _out(torch.sigmoid(input), out)


def erf(input, *, out=None):
    return _out(torch.erf(input), out)


def erfc(input, *, out=None):
    return _out(torch.erfc(input), out)


def erfinv(input, *, out=None):
    return _out(torch.erfinv(input), out)


def xlogy(input, other, *, out=None):
    return _out(torch.xlogy(input, other), out)


def logit(input, eps=None, *, out=None):
    return _out(torch.logit(input, eps), out)


def gammaln(input, *, out=None):
    return _out(torch.lgamma(input), out)


def digamma(input, *, out=None):
    return _out(torch.digamma(input), out)


def psi(input, *, out=None):
    return _out(torch.digamma(input), out)


def polygamma(n, input, *, out=None):
    return _out(torch.polygamma(n, input), out)


def log1p(input, *, out=None):
    return _out(torch.log1p(input), out)


def exp2(input, *, out=None):
    return _out(torch.exp2(input), out)


def sinc(input, *, out=None):
    return _out(torch.sinc(input), out)


def expm1(input, *, out=None):
    return _out(torch.expm1(input), out)


def round(input, *, decimals=0, out=None):
    return _out(torch.round(input, decimals=decimals), out)


def logsumexp(input, dim, keepdim=False, *, out=None):
    return _out(torch.logsumexp(input, dim, keepdim=keepdim), out)


def softmax(input, dim, *, dtype=None):
    return torch.nn.functional.softmax(input, dim, dtype=dtype)


def log_softmax(input, dim, *, dtype=None):
    return torch.nn.functional.log_softmax(input, dim, dtype=dtype)
