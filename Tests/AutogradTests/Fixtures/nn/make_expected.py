"""Writes expected.json: PyTorch's values, gradients and grad_fn names for the nn op families
(activations, losses, convolution, pooling, layer_norm, batch_norm, dropout,
embedding), replayed by Tests/AutogradTests/NNFamilyTests.swift.

Run with PyTorch 2.15 on one thread: OMP_NUM_THREADS=1 python make_expected.py
Each case names the Swift call it corresponds to; inputs are float32 leaves built from the listed
values, the output is backpropagated with G repeated to its size (ones for a scalar)."""
import json
import torch
import torch.nn.functional as F

torch.set_num_threads(1)

X = [-2.5, -1.2, -0.3, 0.0, 0.4, 1.1, 2.2, 3.1, -0.7, 0.9, -3.3, 25.0]
G = [0.5, -1.0, 2.0, 0.25, 1.5, -0.75, 1.0, 0.3, -2.0, 0.6, 1.2, -0.4]
P = [0.1, 0.8, 0.35, 0.6, 0.95, 0.2]
T = [0.0, 1.0, 0.3, 1.0, 0.0, 0.7]
Y = [0.4, -1.5, 0.2, 1.3, -0.6, 0.05]


def ramp(n, step=37, mod=17):
    """n distinct-looking values in [-1, 1], multiples of 1/8."""
    return [((i * step) % mod - mod // 2) / 8 for i in range(n)]


def leaf(values, shape):
    return torch.tensor(values, dtype=torch.float32).reshape(shape).requires_grad_()


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


cases = []


def case(name, inputs, call):
    leaves = [leaf(v, s) for v, s in inputs]
    out = call(*leaves)
    grad = torch.ones_like(out) if out.dim() == 0 else torch.tensor([G[i % len(G)] for i in range(out.numel())]).reshape(out.shape)
    out.backward(grad)
    cases.append({
        "name": name,
        "inputs": [{"values": v, "shape": s} for v, s in inputs],
        "output": flat(out), "shape": list(out.shape), "grad_fn": out.grad_fn.name(),
        "gradient": flat(grad),
        "grads": [flat(l.grad) if l.grad is not None else None for l in leaves],
    })


act = [(X, [3, 4])]
case("leaky_relu", act, lambda x: F.leaky_relu(x, 0.2))
case("leaky_relu_", act, lambda x: F.leaky_relu(x.clone(), 0.2, inplace=True))
case("elu", act, lambda x: F.elu(x, 1.5))
case("elu_", act, lambda x: F.elu(x.clone(), 0.7, inplace=True))
case("gelu", act, lambda x: F.gelu(x))
case("gelu_tanh", act, lambda x: F.gelu(x, approximate="tanh"))
case("silu", act, lambda x: F.silu(x))
case("softplus", act, lambda x: F.softplus(x, beta=2.0, threshold=5.0))
case("hardtanh", act, lambda x: F.hardtanh(x, -1.0, 2.0))
case("relu6", act, lambda x: F.relu6(x))
case("logsigmoid", act, lambda x: F.logsigmoid(x))

pair = [(Y, [2, 3]), (T, [2, 3])]
for reduction in ["mean", "sum", "none"]:
    case("l1_loss/" + reduction, pair, lambda x, t: F.l1_loss(x, t, reduction=reduction))
    case("smooth_l1_loss/" + reduction, pair, lambda x, t: F.smooth_l1_loss(x, t, reduction=reduction, beta=0.5))
    case("huber_loss/" + reduction, pair, lambda x, t: F.huber_loss(x, t, reduction=reduction, delta=0.8))
    case("binary_cross_entropy/" + reduction, [(P, [2, 3]), (T, [2, 3])],
         lambda x, t: F.binary_cross_entropy(x, t, reduction=reduction))
    case("binary_cross_entropy_with_logits/" + reduction, pair,
         lambda x, t: F.binary_cross_entropy_with_logits(x, t, reduction=reduction))
    case("kl_div/" + reduction, [(Y, [2, 3]), (P, [2, 3])], lambda x, t: F.kl_div(x, t, reduction=reduction))
case("binary_cross_entropy/weight", [(P, [2, 3]), (T, [2, 3]), ([0.5, 2.0, 1.0], [3])],
     lambda x, t, w: F.binary_cross_entropy(x, t, weight=w.detach()))
case("binary_cross_entropy_with_logits/pos_weight", [(Y, [2, 3]), (T, [2, 3]), ([0.5, 2.0, 1.0], [3]), ([3.0, 0.5, 1.5], [3])],
     lambda x, t, w, pw: F.binary_cross_entropy_with_logits(x, t, weight=w.detach(), pos_weight=pw.detach()))
case("kl_div/batchmean_log_target", [(Y, [2, 3]), (Y[::-1], [2, 3])],
     lambda x, t: F.kl_div(x, t, reduction="batchmean", log_target=True))


case("conv2d", [(ramp(2 * 4 * 5 * 5), [2, 4, 5, 5]), (ramp(6 * 2 * 3 * 2, 29, 13), [6, 2, 3, 2]), (ramp(6, 5, 7), [6])],
     lambda x, w, b: F.conv2d(x, w, b, stride=(2, 1), padding=(1, 2), groups=2))
case("conv2d_dilated", [(ramp(1 * 2 * 6 * 6), [1, 2, 6, 6]), (ramp(3 * 2 * 2 * 2, 29, 13), [3, 2, 2, 2])],
     lambda x, w: F.conv2d(x, w, dilation=2, padding=1))
case("conv1d_same", [(ramp(2 * 3 * 7), [2, 3, 7]), (ramp(4 * 3 * 3, 29, 13), [4, 3, 3]), (ramp(4, 5, 7), [4])],
     lambda x, w, b: F.conv1d(x, w, b, padding="same"))
case("layer_norm", [(ramp(2 * 3 * 4), [2, 3, 4]), (ramp(12, 5, 7), [3, 4]), (ramp(12, 3, 11), [3, 4])],
     lambda x, w, b: F.layer_norm(x, [3, 4], w, b, eps=1e-3))
case("layer_norm_plain", [(X, [3, 4])], lambda x: F.layer_norm(x, [4]))
case("dropout", [(X, [3, 4])], lambda x: (torch.manual_seed(3), F.dropout(x, 0.3))[1])
case("embedding", [(ramp(15), [5, 3])], lambda w: F.embedding(torch.tensor([[0, 2], [4, 2], [1, 0]]), w, padding_idx=2))
pool = [(ramp(2 * 3 * 5 * 5, 41, 23), [2, 3, 5, 5])]
case("max_pool2d", pool, lambda x: F.max_pool2d(x, 3, stride=2, padding=1, ceil_mode=True))
case("max_pool2d_dilated", pool, lambda x: F.max_pool2d(x, (2, 2), dilation=2))
case("avg_pool2d", pool, lambda x: F.avg_pool2d(x, 3, stride=2, padding=1))
case("avg_pool2d_exclude_pad", pool, lambda x: F.avg_pool2d(x, (2, 3), stride=(2, 1), padding=(1, 1), ceil_mode=True,
                                                             count_include_pad=False))
case("adaptive_avg_pool2d", pool, lambda x: F.adaptive_avg_pool2d(x, (3, 2)))
bn = [(ramp(4 * 3 * 2), [4, 3, 2]), (ramp(3, 5, 7), [3]), (ramp(3, 3, 11), [3])]
case("batch_norm", bn, lambda x, w, b: F.batch_norm(x, torch.zeros(3), torch.ones(3), w, b, training=True, momentum=0.2))
case("batch_norm_eval", bn, lambda x, w, b: F.batch_norm(x, torch.tensor([0.1, -0.2, 0.3]), torch.tensor([0.5, 1.5, 2.0]),
                                                        w, b, training=False))
CE_TARGET = [2, 0, 1, 2, -100, 1, 0]
ce = [(ramp(7 * 3, 29, 13), [7, 3]), ([0.3, 1.7, 0.9], [3])]
for reduction in ["mean", "sum", "none"]:
    case("cross_entropy_weighted/" + reduction, ce,
         lambda x, w: F.cross_entropy(x, torch.tensor(CE_TARGET), weight=w.detach(), reduction=reduction))

with open("expected.json", "w") as f:
    json.dump({"torch": torch.__version__, "cases": cases}, f, indent=1)
    f.write("\n")
