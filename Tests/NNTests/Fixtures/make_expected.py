"""Writes expected.json, replayed by Tests/NNTests/TrainingTests.swift: for each optimizer
configuration, the parameter values after steps with given gradients ("updates"), and the
losses PyTorch 2.15 prints while training a small MLP ("runs").

Run on one thread: OMP_NUM_THREADS=1 python make_expected.py
Each run: manual_seed(seed); model = Sequential(Linear(4, 8), ReLU(), Linear(8, 3)); inputs
randn(16, 4); class targets TARGETS; `steps` steps of zero_grad, cross_entropy, backward, step."""
import json
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)
TARGETS = [0, 2, 1, 1, 0, 2, 2, 1, 0, 0, 1, 2, 1, 0, 2, 1]

CONFIGS = [
    ("sgd", lambda p: torch.optim.SGD(p, lr=0.1)),
    ("sgd_momentum", lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, dampening=0.1, weight_decay=0.01)),
    ("sgd_nesterov", lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True, maximize=False)),
    ("adam", lambda p: torch.optim.Adam(p, lr=0.01)),
    ("adam_weight_decay_amsgrad", lambda p: torch.optim.Adam(p, lr=0.02, betas=(0.8, 0.99), weight_decay=0.05, amsgrad=True)),
    ("adamw", lambda p: torch.optim.AdamW(p, lr=0.01)),
]

PARAM = [0.5, -1.25, 2.0, 0.3, -0.7, 1.1]
GRADS = [[0.1, -0.2, 0.3, -0.05, 0.7, -1.3], [0.4, 0.25, -0.6, 0.15, -0.35, 0.9], [-0.2, 0.5, 0.05, -0.8, 0.6, 0.3]]

updates = []
for name, make in CONFIGS:
    p = torch.tensor(PARAM).reshape(2, 3).requires_grad_()
    opt = make([p])
    values = []
    for g in GRADS:
        p.grad = torch.tensor(g).reshape(2, 3)
        opt.step()
        values.append([float(v) for v in p.detach().reshape(-1).tolist()])
    updates.append({"name": name, "values": values})

runs = []
for name, make in CONFIGS:
    torch.manual_seed(7)
    model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
    x = torch.randn(16, 4)
    y = torch.tensor(TARGETS)
    opt = make(model.parameters())
    losses = []
    for _ in range(8):
        opt.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        opt.step()
        losses.append(loss.item())
    runs.append({"name": name, "seed": 7, "losses": losses,
                 "final_weight": [float(v) for v in model[2].weight.detach().reshape(-1).tolist()]})

with open("expected.json", "w") as f:
    json.dump({"torch": torch.__version__, "param": PARAM, "grads": GRADS, "updates": updates,
               "targets": TARGETS, "runs": runs}, f, indent=1)
    f.write("\n")
