import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Transformer(d_model=8, nhead=2, num_encoder_layers=2, num_decoder_layers=1, dim_feedforward=12, dropout=0.0)
print(model)
print(len(list(model.parameters())), list(model.state_dict().keys())[-8:])
src = torch.randn(6, 2, 8)
tgt = torch.randn(4, 2, 8)
tgt_mask = model.generate_square_subsequent_mask(4)
out = model(src, tgt, tgt_mask=tgt_mask)
print(out.grad_fn.name())
print(out[3])
(out * torch.linspace(-1, 1, 8)).sum().backward()
print(model.decoder.layers[0].multihead_attn.in_proj_weight.grad[8])
print(model.encoder.layers[1].linear2.bias.grad)

dl = nn.TransformerDecoderLayer(8, 2, 12, dropout=0.0, batch_first=True, norm_first=True)
dec = nn.TransformerDecoder(dl, 2)
mem = torch.randn(2, 6, 8)
t = torch.randn(2, 4, 8)
mpad = torch.tensor([[False] * 6, [False] * 4 + [True] * 2])
o = dec(t, mem, tgt_mask=tgt_mask, tgt_is_causal=True, memory_key_padding_mask=mpad)
print(o[1])
