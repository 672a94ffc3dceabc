# torch.nn.utils.rnn.pad_sequence, after PyTorch's torch/nn/utils/rnn.py and the ATen kernel
# it calls (aten/src/ATen/native/PackedSequence.cpp: a filled tensor with each sequence copied
# into its slice).
import torch


def pad_sequence(sequences, batch_first=False, padding_value=0.0, padding_side="right"):
    r"""Pad a list of variable length Tensors with ``padding_value``."""
    try:
        sequences = tuple(sequences)
    except TypeError:
        msg = f"pad_sequence: Expected iterable for input sequences, but got arg of type: {type(sequences)}"
        raise RuntimeError(msg) from None
    if padding_side != "left" and padding_side != "right":
        raise RuntimeError(f"Expected padding_side to be one of left or right, but got {padding_side}.")
    if len(sequences) == 0:
        raise RuntimeError("received an empty list of sequences")
    max_len = max(seq.size(0) for seq in sequences)
    trailing = tuple(sequences[0].size()[1:])
    if batch_first:
        out_dims = (len(sequences), max_len) + trailing
    else:
        out_dims = (max_len, len(sequences)) + trailing
    out = torch.full(out_dims, padding_value, dtype=sequences[0].dtype)
    for i, seq in enumerate(sequences):
        length = seq.size(0)
        start = max_len - length if padding_side == "left" else 0
        if batch_first:
            out[i, start : start + length] = seq
        else:
            out[start : start + length, i] = seq
    return out
