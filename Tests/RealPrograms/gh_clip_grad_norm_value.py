# source: github.com/NagatoYuki0943/DL (gradient clipping notebook cells: clip_grad_norm_ and clip_grad_value_; notebook display cells printed; the random nn.Linear init replaced by the weight/bias the notebook itself shows, 0.7450 / -0.0779)
import torch
from torch import nn, optim, Tensor

model = nn.Linear(1, 1)
with torch.no_grad():  # the values the notebook printed for its random init
    model.weight.fill_(0.7450)
    model.bias.fill_(-0.0779)
print(model)

optimizer = optim.SGD(params=model.parameters(), lr=10)
print(optimizer)

loss_fn = nn.MSELoss()
print(loss_fn)

print(dict(model.state_dict()))

for x, y in ((0., 1.), (1., 3.), (2., 5.)):
    x = torch.tensor(x).reshape(-1, 1)
    y = torch.tensor(y).reshape(-1, 1)

    optimizer.zero_grad()
    y_pred: Tensor = model(x)
    loss: Tensor = loss_fn(y, y_pred)
    loss.backward()
    # clip gradient by norm
    total_norm = nn.utils.clip_grad.clip_grad_norm_(parameters=model.parameters(), max_norm=1.0, norm_type=2)
    print(total_norm, model.weight.grad, model.bias.grad)  # added
    # clip gradient by value
    nn.utils.clip_grad.clip_grad_value_(parameters=model.parameters(), clip_value=0.01)
    optimizer.step()

print(dict(model.state_dict()))
