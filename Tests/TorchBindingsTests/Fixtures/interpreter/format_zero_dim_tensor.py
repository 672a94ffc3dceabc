import torch
x = torch.tensor(4.0, requires_grad=True)
loss = (x * x - 2).sum()
print(f"x {x}, loss {loss}, grad {x.grad}")
loss.backward()
print(f"grad {x.grad} {x.grad:.3f} {x:>8.2f}|")
print("{} and {:.1f}".format(loss, loss))
print(format(torch.tensor(3), "03d"), f"{torch.tensor(True)}")
v = torch.tensor([1.5, 2.5])
print(f"{v}")
try:
    print(f"{v:.2f}")
except TypeError as e:
    print("TypeError:", e)
p = torch.nn.Parameter(torch.tensor(1.0))
print(f"{p}")
