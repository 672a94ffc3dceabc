# Saved-tensor hooks: a checkpointed MLP block (torch.utils.checkpoint recomputes its activations
# in backward) and a pack/unpack pair that keeps the tensors saved for backward in a list of its
# own. The grad_fns under either keep what the pack hook returned (a holder, an index), not the
# tensor: `gradscope render --show-saved` draws those buffers "packed by hook", without a size.
import torch
import torch.nn as nn
from torch.utils.checkpoint import checkpoint

torch.manual_seed(0)
block = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 4))
head = nn.Linear(4, 1)
x = torch.randn(3, 4)
target = torch.ones(3, 1)

offloaded = []


def pack(t):
    offloaded.append(t)
    return len(offloaded) - 1


def unpack(i):
    return offloaded[i]


h = checkpoint(block, x, use_reentrant=False)
with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
    out = head(h).sigmoid()
loss = (out - target).pow(2).mean()
loss.backward()
print(f"loss {loss.item():.4f}, {len(offloaded)} tensors packed into the list")
print(block[0].weight.grad.norm(), head.weight.grad)
