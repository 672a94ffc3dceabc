import torch
t = torch.tensor([[1., 2.], [3., 4.]])
print(t.tolist(), t[0].tolist(), t[0, 1].item(), type(t[0, 1].item()).__name__)
i = torch.tensor([1, 2])
print(i.tolist(), i[0].item(), type(i[0].item()).__name__)
b = torch.tensor([True, False])
print(b.tolist(), b[0].item())
print(torch.tensor(0.1).item(), torch.tensor(1/3).item(), torch.tensor(2.5, dtype=torch.float64).item())
print(float(torch.tensor(1.5)), int(torch.tensor(2.7)), bool(torch.tensor(0.)))
print(torch.tensor(3).tolist(), torch.tensor(3.25).tolist())
print(f"{torch.tensor(1.23456).item():.2f}", "{:.3f}".format(torch.tensor(0.5).item()))
print(round(torch.tensor(2.345).item(), 2))
try:
    torch.ones(2).item()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    float(torch.ones(3))
except (ValueError, TypeError, RuntimeError) as e:
    print(type(e).__name__, e)
