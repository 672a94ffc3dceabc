# torch.count_nonzero, nansum / nanmean (float32 sums over many values, dims, keepdim, dtype=,
# gradients with NaN), isin (invert, scalars, NaN) and bucketize (right, scalars, errors).
import torch

torch.manual_seed(0)
x = torch.randn(7, 300)
x[x > 1.5] = float("nan")
print(torch.nansum(x).item(), x.nansum(1)[:3].tolist(), torch.nansum(x, dim=(0, 1), keepdim=True).tolist())
print(torch.nanmean(x).item(), torch.nanmean(x, 0)[:4].tolist(), x.nanmean(dim=1, keepdim=True).shape, torch.nansum(x, dtype=torch.float64).item())
print(torch.count_nonzero(x), torch.count_nonzero(x.round(), dim=0)[:6], x.count_nonzero((0, 1)), torch.count_nonzero(torch.tensor([[0, 1], [2, 0]]), 1))
print(torch.nansum(torch.tensor([1, 2, 3])), torch.nansum(torch.tensor([True, True])), torch.nansum(torch.tensor([float("nan")])), torch.nanmean(torch.tensor([float("nan")])))
v = torch.tensor([[1.0, float("nan"), -2.0], [float("nan"), float("nan"), 4.0]], requires_grad=True)
for name, out in [("nansum", v.nansum()), ("nansum dim", torch.nansum(v, 1)), ("nanmean", v.nanmean()), ("nanmean dim", torch.nanmean(v, dim=0, keepdim=True))]:
    out.backward(torch.ones_like(out) * -1.5)
    print(name, out, out.grad_fn.name(), [type(n[0]).__name__ for n in out.grad_fn.next_functions], v.grad)
    v.grad = None
print(torch.nansum(v, dtype=torch.float64).grad_fn.name())
e = torch.tensor([[1, 2, 3], [4, 5, 6]])
print(torch.isin(e, torch.tensor([2, 5, 9])), torch.isin(e, torch.tensor([2, 5]), invert=True), torch.isin(e, 4), torch.isin(3, e))
print(torch.isin(torch.tensor([0.5, float("nan"), 1.0, -0.0]), torch.tensor([float("nan"), 1.0, 0.0])), torch.isin(e, torch.tensor([2.0, 3.5])), torch.isin(torch.tensor([0.1]), torch.tensor([0.1], dtype=torch.float64)))
b = torch.tensor([1.0, 2.5, 4.0])
q = torch.tensor([[0.5, 1.0, 2.5], [3.0, 4.0, 9.0]])
print(torch.bucketize(q, b), torch.bucketize(q, b, right=True), torch.bucketize(2.5, b), torch.bucketize(torch.tensor([1, 3, 5]), torch.tensor([2, 4])))
for bad in [lambda: torch.count_nonzero(x, dim=2), lambda: torch.count_nonzero(x, dim=(1, 1)), lambda: torch.nanmean(e),
            lambda: torch.bucketize(q, q), lambda: torch.nansum(x, 3)]:
    try:
        bad()
    except Exception as err:
        print(type(err).__name__, err)
