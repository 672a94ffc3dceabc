import torch
from torch.utils.data import DataLoader, TensorDataset, WeightedRandomSampler

torch.manual_seed(0)
print(list(WeightedRandomSampler([0.1, 0.9, 0.4, 0.7, 3.0, 0.6], 5, replacement=True)))
print(list(WeightedRandomSampler([0.9, 0.4, 0.05, 0.2, 0.3, 0.1], 5, replacement=False)))
g = torch.Generator().manual_seed(7)
s = WeightedRandomSampler(torch.tensor([1.0, 2.0, 3.0]), 10, generator=g)
print(list(s), len(s), s.weights.dtype)
# Class-balanced sampling, as imbalanced-data training loops do it.
labels = torch.tensor([0] * 12 + [1] * 4)
class_count = torch.bincount(labels)
sample_weights = (1.0 / class_count.float())[labels]
data = TensorDataset(torch.arange(16.0).unsqueeze(1), labels)
loader = DataLoader(data, batch_size=4, sampler=WeightedRandomSampler(sample_weights, num_samples=16, replacement=True))
for x, y in loader:
    print(x.squeeze(1).tolist(), y.tolist())
for bad in [lambda: WeightedRandomSampler([1.0], 0), lambda: WeightedRandomSampler([1.0], 2, replacement=1),
            lambda: WeightedRandomSampler([[1.0]], 1), lambda: list(WeightedRandomSampler([1.0, 2.0], 3, replacement=False))]:
    try:
        bad()
    except (ValueError, RuntimeError) as e:
        print(type(e).__name__ + ":", e)
