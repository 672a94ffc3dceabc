# PyTorch's alias names (torch.divide, Tensor.greater_equal, torch.absolute, ...), div with
# rounding_mode (DivBackward2), ravel, Tensor.where, the tensor predicates, and
# broadcast_shapes / promote_types / result_type / can_cast.
import torch
a = torch.tensor([[1.5, -2.0], [0.5, 3.0]], requires_grad=True)
b = torch.tensor([2.0, -1.0])
print(torch.divide(a, b), torch.divide(a, b, rounding_mode="floor"), a.divide(2), torch.multiply(a, b), a.multiply(b), torch.subtract(a, b, alpha=2), a.subtract(1))
print(torch.greater(a, b), a.greater_equal(0.5), torch.less(a, b), a.less_equal(b), torch.not_equal(a, b), torch.absolute(a), a.absolute())
print(torch.fix(a * 1.7), a.fix(), torch.negative(a), torch.moveaxis(a, 0, 1), torch.ger(b, b), torch.concatenate([a, a]), torch.row_stack([b, b]))
c = a.clone(); c.divide_(2); print(c, c.grad_fn)
d = a.detach().clone(); d.multiply_(b); d.subtract_(1); d.absolute_(); print(d)
print(a.ravel(), torch.ravel(a).grad_fn, a.where(a > 0, torch.zeros(())), a.where(a > 0, 0.0))
print(a.is_complex(), torch.is_complex(a), a.is_signed(), a.is_nonzero() if a.numel()==1 else None, torch.ones(1).is_nonzero(), a.is_same_size(b), a.get_device())
try: torch.broadcast_shapes((2,), (3,))
except RuntimeError as e: print(e)
try: torch.zeros(2).is_nonzero()
except RuntimeError as e: print(e)

for args in [((2,1),(3,)), ((2,),), (3, (1,3)), ((), (4,)), ]:
    print(torch.broadcast_shapes(*args))
for bad in [lambda: torch.broadcast_shapes((2,), (3,)), lambda: torch.broadcast_shapes((2,3), (4,3)), lambda: torch.broadcast_shapes((-1,),), lambda: torch.promote_types(1, torch.float), lambda: torch.result_type(1, 2), lambda: torch.can_cast(1, torch.long)]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
t = torch.tensor([1, 2]); f = torch.tensor([1.0]); d = torch.tensor(1.0, dtype=torch.double)
print(torch.result_type(t, 1.0), torch.result_type(t, f), torch.result_type(f, d), torch.result_type(t, True), torch.result_type(2, t), torch.result_type(2.5, t))
for a, b in [(torch.double, torch.float), (torch.float, torch.long), (torch.long, torch.bool), (torch.bool, torch.long), (torch.float, torch.float)]:
    print(torch.can_cast(a, b), end=" ")
print()
print(torch.tensor([1]).is_signed(), torch.tensor([True]).is_signed(), torch.tensor(0.0).is_nonzero(), torch.tensor([3]).is_nonzero(), torch.is_nonzero(torch.tensor([1.5])), torch.is_same_size(t, f), torch.is_complex(t))
for bad in [lambda: torch.tensor([]).is_nonzero(), lambda: torch.ones(2).is_nonzero()]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
x = torch.arange(6.0).reshape(2, 3).t().requires_grad_()
r = x.ravel(); print(r, r.grad_fn, r.grad_fn.next_functions, torch.ravel(torch.ones(2,2)).shape)
y = torch.arange(6.0).reshape(2, 3).requires_grad_()
print(y.ravel().grad_fn, y.where(y > 2, -1.0), y.where(y > 2, torch.tensor(7)), y.double().where(y < 1, 0.5).dtype)

a = torch.tensor([[1.5, -2.0], [0.5, -3.0]], requires_grad=True)
b = torch.tensor([2.0, -1.5])
for mode in [None, "trunc", "floor"]:
    r = torch.div(a, b, rounding_mode=mode); s = a.div(2, rounding_mode=mode)
    print(mode, r, s)
    r.sum().backward(); print(a.grad); a.grad = None
i = torch.tensor([7, -7, 5]); j = torch.tensor([2, 2, -3])
print(torch.div(i, j, rounding_mode="floor"), torch.div(i, j, rounding_mode="trunc"), torch.div(i, j), i.div(2, rounding_mode="floor"))
c = a.detach().clone(); c.div_(b, rounding_mode="floor"); print(c)
try: torch.div(a, b, rounding_mode="round")
except Exception as e: print(type(e).__name__, e)
try: torch.div(i, torch.tensor([0, 1, 1]), rounding_mode="floor")
except Exception as e: print(type(e).__name__, e)
print(torch.div(torch.tensor([1.0, -1.0, 0.0]), 0.0, rounding_mode="floor"), torch.div(torch.tensor([5.0, -5.0]), torch.tensor([0.3, 0.3]), rounding_mode="floor"))

print(torch.promote_types(torch.bool, torch.int64), torch.promote_types(torch.float64, torch.float32), torch.promote_types(torch.long, torch.float))
