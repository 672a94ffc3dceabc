# default_collate after PyTorch's torch/utils/data/_utils/collate.py: tensors are stacked,
# Python floats become a float64 tensor, ints an int64 tensor, strings stay a list, mappings
# and sequences are collated field by field (a tuple of fields gives a list).
import torch


def default_collate(batch):
    r"""Merge a list of samples into a batch."""
    elem = batch[0]
    if isinstance(elem, torch.Tensor):
        return torch.stack(batch, 0)
    if isinstance(elem, bool):
        return torch.tensor(batch)
    if isinstance(elem, float):
        return torch.tensor(batch, dtype=torch.float64)
    if isinstance(elem, int):
        return torch.tensor(batch)
    if isinstance(elem, str):
        return batch
    if isinstance(elem, dict):
        return {key: default_collate([d[key] for d in batch]) for key in elem}
    if isinstance(elem, (tuple, list)):
        elem_size = len(elem)
        if not all(len(e) == elem_size for e in batch):
            raise RuntimeError("each element in list of batch should be of equal size")
        return [default_collate([sample[i] for sample in batch]) for i in range(elem_size)]
    raise TypeError(
        "default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; found " + str(type(elem))
    )
