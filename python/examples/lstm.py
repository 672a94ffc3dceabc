"""An LSTM sequence classifier whose hidden state is carried across batches with detach()
(truncated backpropagation through time), two steps with Adam."""
import torch
import torch.nn as nn

torch.manual_seed(0)
lstm = nn.LSTM(input_size=6, hidden_size=12, batch_first=True)
head = nn.Linear(12, 3)
optimizer = torch.optim.Adam(list(lstm.parameters()) + list(head.parameters()), lr=0.01)
state = None
for step in range(2):
    x = torch.randn(5, 8, 6)
    y = torch.randint(0, 3, (5,))
    out, state = lstm(x, state)
    loss = nn.functional.cross_entropy(head(out[:, -1]), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    state = tuple(s.detach() for s in state)
    print(f"step {step}: loss {loss.item():.4f}")
