# source: HarshTrivedi/packing-unpacking-pytorch-minimal-tutorial pad_packed_demo.py@0dd1cb7fcfbe98f290ce0e4a4526b31cc21faaf2 (the step comments shortened; torch.manual_seed(0) added for the unseeded Embedding and LSTM; the tensors the comments show are printed; a last step backpropagates a loss on the final hidden state and prints the gradients)
import torch
from torch import LongTensor
from torch.nn import Embedding, LSTM
from torch.autograd import Variable
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

torch.manual_seed(0)
## We want to run LSTM on a batch of 3 character sequences ['long_str', 'tiny', 'medium']
seqs = ['long_str',  # len = 8
        'tiny',      # len = 4
        'medium']    # len = 6

## Step 1: Construct Vocabulary ##
# make sure <pad> idx is 0
vocab = ['<pad>'] + sorted([char for seq in seqs for char in seq])

## Step 2: Load indexed data (list of instances, where each instance is list of character indices) ##
vectorized_seqs = [[vocab.index(tok) for tok in seq]for seq in seqs]
print(vectorized_seqs)

## Step 3: Make Model ##
embed = Embedding(len(vocab), 4) # embedding_dim = 4
lstm = LSTM(input_size=4, hidden_size=5, batch_first=True) # input_dim = 4, hidden_dim = 5

## Step 4: Pad instances with 0s till max length sequence ##
# get the length of each seq in your batch
seq_lengths = LongTensor(list(map(len, vectorized_seqs)))
seq_tensor = Variable(torch.zeros((len(vectorized_seqs), seq_lengths.max()))).long()
for idx, (seq, seqlen) in enumerate(zip(vectorized_seqs, seq_lengths)):
    seq_tensor[idx, :seqlen] = LongTensor(seq)
print(seq_tensor)

## Step 5: Sort instances by sequence length in descending order ##
seq_lengths, perm_idx = seq_lengths.sort(0, descending=True)
seq_tensor = seq_tensor[perm_idx]
print(seq_tensor)

## Step 6: Embed the instances ##
embedded_seq_tensor = embed(seq_tensor)
print(embedded_seq_tensor.shape)

## Step 7: Call pack_padded_sequence with embeded instances and sequence lengths ##
packed_input = pack_padded_sequence(embedded_seq_tensor, seq_lengths.cpu().numpy(), batch_first=True)
print(packed_input.data.shape, packed_input.batch_sizes)

## Step 8: Forward with LSTM ##
packed_output, (ht, ct) = lstm(packed_input)
print(packed_output.data)

## Step 9: Call unpack_padded_sequences if required / or just pick last hidden vector ##
# unpack your output if required
output, input_sizes = pad_packed_sequence(packed_output, batch_first=True)
print(output)
print(input_sizes)

# Or if you just want the final hidden state?
print(ht[-1])

loss = ht[-1].pow(2).sum() + output.sum()
loss.backward()
print(embed.weight.grad[:4])
print(lstm.weight_hh_l0.grad[:4])
