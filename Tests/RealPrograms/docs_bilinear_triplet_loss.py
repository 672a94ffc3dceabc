# source: pytorch/pytorch torch/nn/modules/linear.py, loss.py and distance.py (docstring examples of Bilinear, TripletMarginLoss, TripletMarginWithDistanceLoss and PairwiseDistance; inputs seeded; results and gradients printed; the cosine_similarity distance example left out; the embeddings looked up again before the second loss, where the docstring skips it because it would backward through the graph a second time)
import torch
import torch.nn as nn

torch.manual_seed(0)
m = nn.Bilinear(20, 30, 40)
input1 = torch.randn(128, 20)
input2 = torch.randn(128, 30)
output = m(input1, input2)
print(output.size())
print(m, output[0, :5], output.grad_fn)

triplet_loss = nn.TripletMarginLoss(margin=1.0, p=2, eps=1e-7)
anchor = torch.randn(100, 128, requires_grad=True)
positive = torch.randn(100, 128, requires_grad=True)
negative = torch.randn(100, 128, requires_grad=True)
output = triplet_loss(anchor, positive, negative)
output.backward()
print(triplet_loss, output)
print((anchor.grad != 0).any(1).sum(), anchor.grad.norm(), positive.grad.abs().sum(), negative.grad.sum(0)[:4])

# Initialize embeddings
embedding = nn.Embedding(1000, 128)
anchor_ids = torch.randint(0, 1000, (1,))
positive_ids = torch.randint(0, 1000, (1,))
negative_ids = torch.randint(0, 1000, (1,))
anchor = embedding(anchor_ids)
positive = embedding(positive_ids)
negative = embedding(negative_ids)

# Built-in Distance Function
triplet_loss = nn.TripletMarginWithDistanceLoss(distance_function=nn.PairwiseDistance())
output = triplet_loss(anchor, positive, negative)
output.backward()
print(output, embedding.weight.grad[anchor_ids, :4])


# Custom Distance Function
def l_infinity(x1, x2):
    return torch.max(torch.abs(x1 - x2), dim=1).values


anchor = embedding(anchor_ids)
positive = embedding(positive_ids)
negative = embedding(negative_ids)
triplet_loss = nn.TripletMarginWithDistanceLoss(distance_function=l_infinity, margin=1.5)
output = triplet_loss(anchor, positive, negative)
output.backward()
print(output, embedding.weight.grad[negative_ids].abs().sum())

pdist = nn.PairwiseDistance(p=2)
input1 = torch.randn(100, 128)
input2 = torch.randn(100, 128)
output = pdist(input1, input2)
print(output.shape, output[:5])
