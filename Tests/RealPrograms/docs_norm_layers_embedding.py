# source: pytorch/pytorch torch/nn/modules/normalization.py, batchnorm.py and sparse.py (docstring examples of nn.LayerNorm, nn.BatchNorm1d and nn.Embedding joined; randn seeded with torch.manual_seed(0); shapes, slices and statistics of the results printed)
import torch
from torch import nn

torch.manual_seed(0)  # added

# NLP Example
batch, sentence_length, embedding_dim = 20, 5, 10
embedding = torch.randn(batch, sentence_length, embedding_dim)
layer_norm = nn.LayerNorm(embedding_dim)
# Activate module
out = layer_norm(embedding)
print(layer_norm, out.shape)
print(out[0, 0])
print(out.mean(-1)[0], out.std(-1, unbiased=False)[0])
# Image Example
N, C, H, W = 20, 5, 10, 10
input = torch.randn(N, C, H, W)
# Normalize over the last three dimensions (i.e. the channel and spatial dimensions)
# as shown in the image below
layer_norm = nn.LayerNorm([C, H, W])
output = layer_norm(input)
print(layer_norm, output.shape, layer_norm.weight.shape)
print(output[0].mean(), output[0].var(unbiased=False))

# With Learnable Parameters
m = nn.BatchNorm1d(100)
# Without Learnable Parameters
m = nn.BatchNorm1d(100, affine=False)
input = torch.randn(20, 100)
output = m(input)
print(m, output.shape)
print(output[:2, :4])
print(m.running_mean[:4], m.running_var[:4], m.num_batches_tracked)
m.eval()
print(m(input)[:2, :4])

# an Embedding module containing 10 tensors of size 3
embedding = nn.Embedding(10, 3)
# a batch of 2 samples of 4 indices each
input = torch.LongTensor([[1, 2, 4, 5], [4, 3, 2, 9]])
print(embedding(input))

# example with padding_idx
embedding = nn.Embedding(10, 3, padding_idx=0)
input = torch.LongTensor([[0, 2, 0, 5]])
print(embedding(input))

# example of changing `pad` vector
padding_idx = 0
embedding = nn.Embedding(3, 3, padding_idx=padding_idx)
print(embedding.weight)
with torch.no_grad():
    embedding.weight[padding_idx] = torch.ones(3)
print(embedding.weight)

# FloatTensor containing pretrained weights
weight = torch.FloatTensor([[1, 2.3, 3], [4, 5.1, 6.3]])
embedding = nn.Embedding.from_pretrained(weight)
# Get embeddings for index 1
input = torch.LongTensor([1])
print(embedding(input))
