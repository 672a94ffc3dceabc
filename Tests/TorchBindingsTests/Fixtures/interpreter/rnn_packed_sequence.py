import torch
import torch.nn as nn
from torch.nn.utils.rnn import (pack_padded_sequence, pad_packed_sequence, pack_sequence, pad_sequence,
                                unpack_sequence, unpad_sequence, PackedSequence, invert_permutation)

torch.manual_seed(0)
x = torch.randn(3, 5, 4, requires_grad=True)
lengths = [3, 5, 2]
packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
print(packed.batch_sizes, packed.sorted_indices, packed.unsorted_indices, packed.data.shape)
print(packed.data.grad_fn.name(), packed.data.grad_fn._saved_batch_first, packed.data.grad_fn._saved_input_sym_sizes)
data, batch_sizes, sorted_indices, unsorted_indices = packed
print(len(packed), packed[1], packed.is_cuda, type(packed).__name__)

for mode, kwargs in [(nn.LSTM, {}), (nn.GRU, {}), (nn.RNN, {"nonlinearity": "relu"}), (nn.RNN, {}),
                     (nn.LSTM, {"num_layers": 2, "bidirectional": True}), (nn.GRU, {"bidirectional": True, "bias": False})]:
    torch.manual_seed(1)
    rnn = mode(4, 3, batch_first=True, **kwargs)
    out, hidden = rnn(pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False))
    padded, out_lengths = pad_packed_sequence(out, batch_first=True)
    h = hidden[0] if isinstance(hidden, tuple) else hidden
    print(mode.__name__, kwargs, out.data.grad_fn.name(), h.grad_fn.name(), out_lengths)
    print(padded)
    print(hidden)
    loss = padded.pow(2).sum() + h.sum()
    x.grad = None
    loss.backward()
    print(x.grad[1, :2], rnn.weight_hh_l0.grad[0])

torch.manual_seed(2)
lstm = nn.LSTM(4, 2, num_layers=2, dropout=0.5)
h0 = (torch.randn(2, 3, 2), torch.randn(2, 3, 2))
seqs = [torch.randn(5, 4), torch.randn(3, 4), torch.randn(1, 4)]
ps = pack_sequence(seqs)
o, (hn, cn) = lstm(ps, h0)
print(o.data.sum(), hn, cn)
po, pl = pad_packed_sequence(o, total_length=7, padding_value=-1.0)
print(po.shape, pl, po[:, 2])
print([t.shape for t in unpack_sequence(o)])
print(unpad_sequence(pad_sequence(seqs, batch_first=True), torch.tensor([5, 3, 1]), batch_first=True)[1].shape)
print(invert_permutation(torch.tensor([2, 0, 1])), invert_permutation(None))
p64 = ps.to(torch.float64)
print(p64.data.dtype, p64.batch_sizes.dtype, ps.double().data.dtype, ps == ps)
for bad in [lambda: pack_padded_sequence(x, [5, 3, 2], batch_first=True),
            lambda: pack_padded_sequence(x, [5, 3, 0], batch_first=True),
            lambda: pack_padded_sequence(x, [5, 3], batch_first=True),
            lambda: pad_packed_sequence(o, total_length=2)]:
    try:
        bad()
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
