# source: gradscope python/examples/transformer.py (this repository; unchanged)
"""One transformer encoder block (self-attention + feed-forward) on random token embeddings,
with a frozen embedding table (requires_grad=False) and one backward pass."""
import torch
import torch.nn as nn

torch.manual_seed(0)
embed = nn.Embedding(50, 32)
embed.weight.requires_grad_(False)
block = nn.TransformerEncoderLayer(d_model=32, nhead=4, dim_feedforward=64, dropout=0.1, batch_first=True)
head = nn.Linear(32, 2)
tokens = torch.randint(0, 50, (4, 10))
hidden = block(embed(tokens))
logits = head(hidden.mean(dim=1))
loss = nn.functional.cross_entropy(logits, torch.tensor([0, 1, 1, 0]))
loss.backward()
print(f"loss {loss.item():.4f}, embedding grad: {embed.weight.grad}")
