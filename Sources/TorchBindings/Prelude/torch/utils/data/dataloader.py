# DataLoader after PyTorch's torch/utils/data/dataloader.py, loading in the main process
# (num_workers=0). Each pass first draws the iterator's base seed from `generator` (the default
# generator when None), as `_BaseDataLoaderIter.__init__` does, so the random stream a script
# sees afterwards matches PyTorch's; then the sampler (a RandomSampler when shuffling) runs.
import torch
from torch.utils.data.collate import default_collate
from torch.utils.data.sampler import BatchSampler, RandomSampler, SequentialSampler


class DataLoader:
    r"""Combines a dataset and a sampler, and iterates over batches of the dataset."""

    def __init__(
        self,
        dataset,
        batch_size=1,
        shuffle=None,
        sampler=None,
        batch_sampler=None,
        num_workers=0,
        collate_fn=None,
        pin_memory=False,
        drop_last=False,
        timeout=0,
        worker_init_fn=None,
        generator=None,
        prefetch_factor=None,
        persistent_workers=False,
    ):
        if num_workers < 0:
            raise ValueError(
                "num_workers option should be non-negative; use num_workers=0 to disable multiprocessing."
            )
        if sampler is not None and shuffle:
            raise ValueError("sampler option is mutually exclusive with shuffle")
        if batch_sampler is not None:
            if batch_size != 1 or shuffle or sampler is not None or drop_last:
                raise ValueError(
                    "batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, and drop_last"
                )
            batch_size = None
            drop_last = False
        elif batch_size is None:
            if drop_last:
                raise ValueError(
                    "batch_size=None option disables auto-batching and is mutually exclusive with drop_last"
                )

        if sampler is None:
            if shuffle:
                sampler = RandomSampler(dataset, generator=generator)
            else:
                sampler = SequentialSampler(dataset)

        if batch_size is not None and batch_sampler is None:
            batch_sampler = BatchSampler(sampler, batch_size, drop_last)

        self.dataset = dataset
        self.num_workers = num_workers
        self.batch_size = batch_size
        self.drop_last = drop_last
        self.sampler = sampler
        self.batch_sampler = batch_sampler
        self.generator = generator
        if collate_fn is None:
            collate_fn = default_collate if batch_sampler is not None else _identity
        self.collate_fn = collate_fn

    def __iter__(self):
        index_sampler = self.batch_sampler if self.batch_sampler is not None else self.sampler
        torch.empty((), dtype=torch.int64).random_(generator=self.generator)
        for index in index_sampler:
            if self.batch_sampler is not None:
                yield self.collate_fn([self.dataset[i] for i in index])
            else:
                yield self.collate_fn(self.dataset[index])

    def __len__(self):
        if self.batch_sampler is not None:
            return len(self.batch_sampler)
        return len(self.sampler)


def _identity(data):
    return data
