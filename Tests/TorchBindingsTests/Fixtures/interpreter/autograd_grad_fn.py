import torch
x = torch.tensor([1., 2.], requires_grad=True)
w = torch.tensor([0.5, 0.5], requires_grad=True)
ops = [x + w, x - w, x * w, x / w, x ** 2, x.exp(), x.log(), x.sin(), x.cos(), x.tanh(), x.sigmoid(), x.relu(),
       x.sum(), x.mean(), -x, x.abs(), x.sqrt(), x.view(2, 1), x.reshape(1, 2), x.unsqueeze(0), x[0], x[:1],
       x @ w, x.clone(), x.t() if False else x.expand(2, 2), torch.stack([x, w]), torch.cat([x, w]), x.max(), x.pow(w),
       x * 2, 2 * x, x + 1, 1 - x, 2 / x, x.softmax(0), x.log_softmax(0), x.clamp(0, 1.5), x.squeeze(), x.float(), x.double()]
for o in ops:
    print(o.grad_fn.name() if o.grad_fn else None, type(o.grad_fn).__name__)
print(x.grad_fn, (x * 2).grad_fn.next_functions)
s = (x * w).sum()
fn = s.grad_fn
print(fn.name(), len(fn.next_functions))
mul = fn.next_functions[0][0]
print(mul.name(), [(f.name() if f is not None else None, i) for f, i in mul.next_functions])
acc = mul.next_functions[0][0]
print(acc.variable is x, acc.variable.shape)
c = torch.tensor([1., 1.])
print([(f.name() if f else None, i) for f, i in (x * c).grad_fn.next_functions])
