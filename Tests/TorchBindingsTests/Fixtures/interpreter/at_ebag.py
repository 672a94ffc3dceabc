import torch, torch.nn as nn, torch.nn.functional as F
torch.manual_seed(0)
for mode in ("sum","mean","max"):
    eb = nn.EmbeddingBag(10, 3, mode=mode)
    inp = torch.tensor([1,2,4,5,4,3,2,9]); off = torch.tensor([0,4])
    o = eb(inp, off); print(eb, o.grad_fn.name(), o.grad_fn.next_functions)
    print(o)
    o.sum().backward(); print(eb.weight.grad)
eb = nn.EmbeddingBag(10, 3, mode="sum")
o = eb(torch.tensor([[1,2],[3,4]]), per_sample_weights=torch.tensor([[1.,2],[0.5,3]])); print(o)
print(list(eb.state_dict()))
