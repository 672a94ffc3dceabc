# source: https://taourl.com/read-2399641.html ("Compute batched L2-distance between 2 vectors - torch.cdist()"; torch.manual_seed(0) added before torch.randn)
import torch

torch.manual_seed(0)
# Example input tensors of shape (batch_size, num_vectors, vector_dim)
x = torch.randn(3, 5, 10) # Batch of 3 sets, each containing 5 vectors of dimension 10
y = torch.randn(3, 7, 10) # Batch of 3 sets, each containing 7 vectors of dimension 10
# Compute pairwise L2 distances between vectors in x and y for each batch
distances = torch.cdist(x, y, p=2) # p=2 specifies L2 distance
print(distances.shape) # Output: torch.Size([3, 5, 7])
