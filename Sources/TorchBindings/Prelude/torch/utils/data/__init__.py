# torch.utils.data, as PyTorch's torch/utils/data/__init__.py exports it for map-style datasets
# loaded in the main process (no worker processes, no IterableDataset).
from torch.utils.data.dataset import ConcatDataset, Dataset, Subset, TensorDataset, random_split
from torch.utils.data.sampler import (
    BatchSampler,
    RandomSampler,
    Sampler,
    SequentialSampler,
    SubsetRandomSampler,
    WeightedRandomSampler,
)
from torch.utils.data.collate import default_collate
from torch.utils.data.dataloader import DataLoader
