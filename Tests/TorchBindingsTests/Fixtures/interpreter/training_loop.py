import torch
w = torch.tensor([0.5, -0.5], requires_grad=True)
b = torch.tensor(0., requires_grad=True)
xs = torch.tensor([[1., 2.], [2., 1.], [3., 0.]])
ys = torch.tensor([1., 2., 3.])
lr = 0.05
for epoch in range(5):
    pred = xs @ w + b
    loss = ((pred - ys) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= lr * w.grad
        b -= lr * b.grad
    w.grad.zero_()
    b.grad.zero_()
    print(epoch, round(loss.item(), 4))
print(w, b)
print("{:.4f}".format(loss.item()))
