import torch
x = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
for y in [x.repeat_interleave(2), x.repeat_interleave(2, dim=1), x.repeat_interleave(torch.tensor([1, 2]), dim=0), torch.repeat_interleave(x, 3, 0), x.tile(2), x.tile((2, 1, 1)), torch.tile(x, (3,)), x.clip(0, 3), torch.clip(x, min=2), x.clip(max=torch.tensor([1., 5.])), torch.logical_and(x > 1, x < 4), torch.logical_not(x > 2), torch.logical_or(x, torch.zeros(2)), x.logical_xor(x > 2)]:
    print(y, y.grad_fn.name() if y.grad_fn else None, y.grad_fn.next_functions if y.grad_fn else None)
print(torch.repeat_interleave(torch.tensor([1, 2, 3])), torch.concat([x, x]).shape, torch.is_floating_point(x))
for f in [lambda: x.repeat_interleave(-1), lambda: x.repeat_interleave(torch.tensor([1, -2]), dim=0), lambda: x.repeat_interleave(torch.tensor([1, 2, 3]), dim=0), lambda: torch.repeat_interleave(torch.tensor([[1]])), lambda: torch.repeat_interleave(torch.tensor([1.5])), lambda: x.repeat_interleave(2, dim=2), lambda: x.tile(-1), lambda: torch.repeat_interleave(torch.tensor([1, -1]))]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
x = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
y = x.repeat_interleave(2)
print(y.grad_fn.next_functions[0][0].next_functions, y.grad_fn.next_functions[0][0].next_functions[0][0].next_functions)
y.backward(torch.arange(8.))
print(x.grad)
z = torch.tensor(5.).repeat_interleave(3); print(z)
print(x.repeat_interleave(torch.tensor(2), dim=1))
print(x.repeat_interleave(torch.tensor([2])))
try:
    torch.is_floating_point(3)
except TypeError as e:
    print(e)
