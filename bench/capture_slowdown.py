#!/usr/bin/env python3
"""Slowdown of gradscope_capture on a small CNN training step (2 conv layers with batch norm,
max pooling and a linear head; batch 32 of 1x28x28; forward, backward, SGD step): the median
time of a step run plainly and inside `gradscope_capture.record()`, over several runs: wall
time, and the process's CPU time (one thread, so less sensitive to other load on the machine).

usage: OMP_NUM_THREADS=1 PYTHONPATH=python python bench/capture_slowdown.py [RUNS] [STEPS]"""
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

import gradscope_capture


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 8, 3, padding=1)
        self.bn1 = nn.BatchNorm2d(8)
        self.conv2 = nn.Conv2d(8, 16, 3, padding=1)
        self.fc = nn.Linear(16 * 7 * 7, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.bn1(self.conv1(x))), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        return self.fc(x.flatten(1))


def steps(model, optimizer, images, labels, n):
    for _ in range(n):
        optimizer.zero_grad()
        F.cross_entropy(model(images), labels).backward()
        optimizer.step()


def timed(capture, model, optimizer, images, labels, n):
    """(wall seconds, CPU seconds) per step."""
    start, cpu = time.perf_counter(), time.process_time()
    if capture:
        with gradscope_capture.record() as g:
            steps(model, optimizer, images, labels, n)
        g.json()
    else:
        steps(model, optimizer, images, labels, n)
    return (time.perf_counter() - start) / n, (time.process_time() - cpu) / n


def main(runs, n):
    torch.manual_seed(0)
    model = CNN()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
    images, labels = torch.randn(32, 1, 28, 28), torch.randint(0, 10, (32,))
    timed(True, model, optimizer, images, labels, 1)  # first use imports torch's mode machinery
    plain, captured = [], []
    for _ in range(runs):
        plain.append(timed(False, model, optimizer, images, labels, n))
        captured.append(timed(True, model, optimizer, images, labels, n))
    for i, what in enumerate(("wall", "CPU")):
        p, c = statistics.median(r[i] for r in plain), statistics.median(r[i] for r in captured)
        print(f"{what}: plain {p * 1e3:.2f} ms/step, captured {c * 1e3:.2f} ms/step (JSON included), "
              f"slowdown {c / p:.2f}x (median of {runs} runs of {n} steps)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7, int(sys.argv[2]) if len(sys.argv) > 2 else 10)
