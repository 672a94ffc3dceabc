# torch.optim.LBFGS: the Rosenbrock function with the strong-Wolfe line search and a short
# history, a fixed-step least-squares fit, the state it keeps, and its argument errors.
import torch
import torch.nn as nn

xy = torch.tensor([-1.5, 2.0], dtype=torch.double, requires_grad=True)
opt = torch.optim.LBFGS([xy], lr=1, max_iter=25, history_size=5, line_search_fn="strong_wolfe")
print(opt)


def rosenbrock():
    opt.zero_grad()
    loss = (1 - xy[0]) ** 2 + 100 * (xy[1] - xy[0] ** 2) ** 2
    loss.backward()
    return loss


for step in range(4):
    loss = opt.step(rosenbrock)
    state = opt.state[xy]
    print(step, loss.item(), xy.tolist(), state["func_evals"], state["n_iter"], len(state["old_dirs"]))

torch.manual_seed(0)
x = torch.randn(32, 4)
y = x @ torch.tensor([[0.5], [-1.0], [2.0], [0.1]]) + 0.25
model = nn.Linear(4, 1)
opt = torch.optim.LBFGS(model.parameters(), lr=0.5, max_iter=6)


def closure():
    opt.zero_grad()
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    return loss


for step in range(3):
    print(step, opt.step(closure).item())
print(model.weight.data, model.bias.data)

w = torch.tensor([1.0, -2.0], requires_grad=True)
opt = torch.optim.LBFGS([w], max_iter=4, maximize=True, line_search_fn="strong_wolfe")


def negative_bowl():
    opt.zero_grad()
    loss = -(w ** 2).sum()
    loss.backward()
    return loss


print(opt.step(negative_bowl), w)

for bad in [dict(lr=-1.0), dict(line_search_fn="armijo")]:
    try:
        opt = torch.optim.LBFGS([w], **bad)
        opt.step(negative_bowl)
    except (ValueError, RuntimeError) as e:
        print(type(e).__name__, e)
try:
    torch.optim.LBFGS([{"params": [w]}, {"params": [xy]}])
except ValueError as e:
    print(e)
