# CTC loss (torch.nn.CTCLoss / F.ctc_loss / torch.ctc_loss) to the last bit: padded and
# concatenated targets, tensor and tuple lengths, every reduction, zero_infinity, unbatched
# input, float64, the graph PyTorch builds and its checks.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
T, N, C, S = 30, 4, 12, 7
logits = torch.randn(T, N, C, requires_grad=True)
targets = torch.randint(1, C, (N, S), dtype=torch.long)
input_lengths = torch.tensor([30, 25, 18, 30])
target_lengths = torch.tensor([7, 5, 3, 0])
ctc = nn.CTCLoss()
loss = ctc(logits.log_softmax(2), targets, input_lengths, target_lengths)
loss.backward()
print(loss.item(), [type(loss.grad_fn).__name__, type(loss.grad_fn.next_functions[0][0]).__name__])
print(logits.grad[:, 0].sum(1).abs().max().item(), logits.grad[0, 1].tolist())
print(logits.grad.flatten()[::97].tolist())

for reduction in ["none", "sum"]:
    out = F.ctc_loss(logits.log_softmax(2), targets, input_lengths, target_lengths, reduction=reduction)
    g, = torch.autograd.grad(out.sum(), logits)
    print(reduction, out.tolist(), g.flatten()[::131].tolist())

# Concatenated targets, tuple lengths, a different blank, int32 targets.
flat = torch.cat([targets[i, :l] for i, l in enumerate(target_lengths.tolist())]).int()
tgt = torch.where(flat == 3, torch.zeros_like(flat), flat)
out = F.ctc_loss(logits.log_softmax(2), tgt, (30, 25, 18, 30), (7, 5, 3, 0), blank=3, reduction="none")
print(out.tolist())
node = F.ctc_loss(logits.log_softmax(2), targets, input_lengths, target_lengths).grad_fn.next_functions[0][0].next_functions[0][0]
print(type(node).__name__, node._saved_blank, node._saved_input_lengths, node._saved_target_lengths, node._saved_zero_infinity)
print(node._saved_result0.tolist(), tuple(node._saved_result1.shape))

# Impossible alignments: infinite loss, zeroed by zero_infinity.
short = torch.tensor([3, 25, 18, 30])
print(F.ctc_loss(logits.log_softmax(2), targets, short, target_lengths, reduction="none").tolist())
z = F.ctc_loss(logits.log_softmax(2), targets, short, target_lengths, zero_infinity=True)
gz, = torch.autograd.grad(z, logits)
print(z.item(), type(z.grad_fn.next_functions[0][0].next_functions[0][0]).__name__, gz[:, 0].abs().sum().item(), gz[:, 1].abs().sum().item())

# Unbatched and float64.
lp1 = torch.randn(10, 5, dtype=torch.float64, requires_grad=True)
l1 = F.ctc_loss(lp1.log_softmax(1), torch.tensor([1, 2, 2, 4]), (10,), (4,), reduction="none")
l1.backward()
print(l1.item(), l1.shape, lp1.grad[0].tolist())
print(torch.ctc_loss(logits.log_softmax(2), targets, input_lengths, target_lengths, 0, 2, False).item())

for args in [
    (logits.log_softmax(2), targets, input_lengths, target_lengths, 12),
    (logits.log_softmax(2), targets, torch.tensor([31, 25, 18, 30]), target_lengths, 0),
    (logits.log_softmax(2), targets, input_lengths[:3], target_lengths, 0),
    (logits.log_softmax(2), targets[:, :2], input_lengths, target_lengths, 0),
    (logits.log_softmax(2), targets, input_lengths.float(), target_lengths, 0),
]:
    try:
        F.ctc_loss(*args)
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__, e)
