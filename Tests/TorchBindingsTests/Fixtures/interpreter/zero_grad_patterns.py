import torch
params = [torch.tensor([1., 2.], requires_grad=True), torch.tensor(3., requires_grad=True)]
for step in range(3):
    loss = (params[0] * params[1]).sum()
    for p in params:
        p.grad = None
    loss.backward()
    print(step, [p.grad for p in params])
for p in params:
    if p.grad is not None:
        p.grad.zero_()
print(params[0].grad, params[1].grad)
x = torch.tensor(1., requires_grad=True)
for i in range(3):
    (x * i).backward()
print(x.grad)
