"""Prints the random values PyTorch draws for the cases replayed by
Tests/AutogradTests/RandomStreamTests.swift, as exact bit patterns, into expected.json.

    OMP_NUM_THREADS=1 python make_expected.py > expected.json

Each case seeds a generator (the default one, or a torch.Generator when "generator" is true)
and runs its steps in order on the same stream; each step records its result.
"""
import json

import torch
import torch.nn.functional as F

DTYPES = {"float32": torch.float32, "float64": torch.float64, "int64": torch.int64, "bool": torch.bool}


def bits(t):
    t = t.contiguous().reshape(-1)
    if t.dtype == torch.float32:
        return ["%08x" % (v & 0xFFFFFFFF) for v in t.view(torch.int32).tolist()]
    if t.dtype == torch.float64:
        return ["%016x" % (v & 0xFFFFFFFFFFFFFFFF) for v in t.view(torch.int64).tolist()]
    return [str(int(v)) for v in t.tolist()]


def target(step):
    """The tensor an in-place step fills: contiguous, a transposed view, or every other column."""
    shape, dtype = step["shape"], DTYPES[step.get("dtype", "float32")]
    layout = step.get("layout", "contiguous")
    if layout == "transposed":
        return torch.zeros(shape[1], shape[0], dtype=dtype).t()
    if layout == "stepped":
        return torch.zeros(shape[0], 2 * shape[1], dtype=dtype)[:, ::2]
    return torch.zeros(shape, dtype=dtype)


def run(step, g):
    op, dt = step["op"], DTYPES[step.get("dtype", "float32")]
    if op == "rand":
        return torch.rand(step["shape"], dtype=dt, generator=g)
    if op == "randn":
        return torch.randn(step["shape"], dtype=dt, generator=g)
    if op == "randint":
        return torch.randint(step["low"], step["high"], step["shape"], dtype=dt, generator=g)
    if op == "randperm":
        return torch.randperm(step["n"], generator=g)
    if op == "uniform_":
        return target(step).uniform_(step["from"], step["to"], generator=g)
    if op == "normal_":
        return target(step).normal_(step["mean"], step["std"], generator=g)
    if op == "random_":
        if "from" not in step:
            return target(step).random_(generator=g)
        return target(step).random_(step["from"], step["to"], generator=g)
    if op == "bernoulli_":
        return target(step).bernoulli_(step["p"], generator=g)
    if op == "exponential_":
        return target(step).exponential_(step["lambda"], generator=g)
    if op == "bernoulli":
        return torch.bernoulli(torch.tensor(step["p"], dtype=dt), generator=g)
    if op == "normal":
        return torch.normal(torch.tensor(step["mean"], dtype=dt), torch.tensor(step["std"], dtype=dt), generator=g)
    if op == "multinomial":
        return torch.multinomial(torch.tensor(step["p"], dtype=dt), step["n"], step["replacement"], generator=g)
    if op == "dropout":
        assert g is None, "F.dropout takes no generator"
        return F.dropout(torch.ones(step["shape"], dtype=dt), step["p"], training=True)
    if op == "linear":
        assert g is None, "nn.Linear initialises from the default generator"
        layer = torch.nn.Linear(step["in"], step["out"])
        return torch.cat([layer.weight.detach().reshape(-1), layer.bias.detach()])
    if op == "get_state":
        return (g or torch.default_generator).get_state()
    raise ValueError(op)


def step(op, **args):
    return dict(op=op, **args)


CASES = []
for seed in (0, 1, 42, 2**40 + 7):
    CASES.append(dict(name=f"rand seed {seed}", seed=seed, steps=[
        step("rand", shape=[3]), step("rand", shape=[2, 5]), step("rand", shape=[17]),
        step("rand", shape=[4], dtype="float64"), step("rand", shape=[33], dtype="float64")]))
    CASES.append(dict(name=f"randn seed {seed}", seed=seed, steps=[
        step("randn", shape=[4]), step("randn", shape=[3, 7]), step("randn", shape=[5]),
        step("randn", shape=[16]), step("randn", shape=[17]), step("randn", shape=[33]),
        step("randn", shape=[3], dtype="float64"), step("randn", shape=[15], dtype="float64"),
        step("randn", shape=[16], dtype="float64"), step("randn", shape=[17], dtype="float64"),
        step("randn", shape=[1])]))
CASES += [
    dict(name="randint widths", seed=3, steps=[
        step("randint", low=0, high=10, shape=[8], dtype="int64"),
        step("randint", low=-5, high=5, shape=[2, 3], dtype="int64"),
        step("randint", low=0, high=2**33, shape=[5], dtype="int64"),
        step("randint", low=-2**40, high=2**40, shape=[4], dtype="int64"),
        step("randint", low=0, high=100, shape=[6], dtype="float32"),
        step("randint", low=0, high=2**35, shape=[3], dtype="float64"),
        step("randint", low=0, high=2, shape=[7], dtype="bool"),
        step("random_", shape=[3], dtype="int64"), step("random_", shape=[3], dtype="float32"),
        step("random_", shape=[3], dtype="float64"), step("random_", shape=[6], dtype="bool")]),
    dict(name="uniform_ and normal_ ranges", seed=7, steps=[
        step("uniform_", shape=[5], **{"from": -2, "to": 3}),
        step("uniform_", shape=[20], dtype="float64", **{"from": -0.5, "to": 0.25}),
        step("normal_", shape=[20], mean=1.0, std=0.5),
        step("normal_", shape=[7], mean=-3.0, std=2.5),
        step("normal_", shape=[19], dtype="float64", mean=0.3, std=1.7),
        step("randperm", n=10),
        step("normal", mean=[0.0, 0.0, 0.0], std=[1.0, 1.0, 1.0]),
        step("normal", mean=[1.0, -2.0, 0.5, 3.0], std=[0.1, 2.0, 0.0, 1.5], dtype="float64")]),
    dict(name="many normals", seed=29, steps=[
        step("randn", shape=[1000]), step("randn", shape=[999], dtype="float64"),
        step("normal_", shape=[5], dtype="float64", mean=0.3, std=1.7),
        step("normal_", shape=[3], dtype="float64", mean=-1.1, std=0.01),
        step("normal_", shape=[250], mean=-4.0, std=3.3),
        step("uniform_", shape=[300], **{"from": -7.5, "to": 1e3}),
        step("uniform_", shape=[300], dtype="float64", **{"from": -7.5, "to": 1e3})]),
    dict(name="non-contiguous targets", seed=11, steps=[
        step("uniform_", shape=[4, 6], layout="transposed", **{"from": 0, "to": 1}),
        step("uniform_", shape=[3, 4], layout="stepped", **{"from": 0, "to": 1}),
        step("normal_", shape=[4, 5], layout="transposed", mean=0.0, std=1.0),
        step("normal_", shape=[5, 4], layout="stepped", mean=0.0, std=1.0),
        step("normal_", shape=[4, 5], layout="stepped", dtype="float64", mean=0.0, std=1.0),
        step("random_", shape=[3, 5], layout="transposed", dtype="int64", **{"from": 0, "to": 1000}),
        step("normal_", shape=[16], mean=0.0, std=1.0)]),
    dict(name="randperm", seed=5, steps=[
        step("randperm", n=0), step("randperm", n=1), step("randperm", n=2),
        step("randperm", n=17), step("randperm", n=100)]),
    dict(name="bernoulli", seed=13, steps=[
        step("bernoulli_", shape=[10], p=0.5), step("bernoulli_", shape=[3, 4], p=0.2, dtype="float64"),
        step("bernoulli_", shape=[6], p=0.7, dtype="int64"), step("bernoulli_", shape=[5], p=0.5, dtype="bool"),
        step("bernoulli_", shape=[4, 6], p=0.3, layout="transposed"),
        step("bernoulli", p=[0.1, 0.5, 0.9, 0.0, 1.0, 0.5]),
        step("bernoulli", p=[[0.25, 0.75], [0.5, 0.5]], dtype="float64"),
        step("rand", shape=[2])]),
    dict(name="exponential", seed=17, steps=[
        step("exponential_", shape=[5], **{"lambda": 1.0}),
        step("exponential_", shape=[6], dtype="float64", **{"lambda": 2.5}),
        step("rand", shape=[2])]),
    dict(name="multinomial", seed=19, steps=[
        step("multinomial", p=[0.1, 0.2, 0.3, 0.4], n=6, replacement=True),
        step("multinomial", p=[1.0, 2.0, 3.0, 4.0, 5.0], n=3, replacement=False),
        step("multinomial", p=[[0.5, 0.5, 0.0], [0.2, 0.3, 0.5]], n=4, replacement=True),
        step("multinomial", p=[[0.5, 0.25, 0.25], [0.2, 0.3, 0.5]], n=2, replacement=False),
        step("multinomial", p=[0.3, 0.7], n=1, replacement=True),
        step("multinomial", p=[0.3, 0.2, 0.5], n=1, replacement=False),
        step("multinomial", p=[0.1, 0.2, 0.3, 0.4], n=5, replacement=True, dtype="float64"),
        step("rand", shape=[2])]),
    dict(name="dropout", seed=23, steps=[
        step("dropout", shape=[10], p=0.5), step("dropout", shape=[3, 7], p=0.2),
        step("dropout", shape=[5], p=0.1, dtype="float64"), step("rand", shape=[2])]),
    dict(name="nn.Linear(4, 3) as in rng_linear_init.py", seed=42, steps=[
        step("linear", **{"in": 4, "out": 3}), step("randn", shape=[2, 4])]),
    dict(name="the stream of rng_dropout_mlp.py", seed=1, steps=[
        step("linear", **{"in": 5, "out": 8}), step("linear", **{"in": 8, "out": 2}),
        step("randn", shape=[4, 5]), step("dropout", shape=[4, 8], p=0.5)]),
    dict(name="generator object", seed=3, generator=True, steps=[
        step("rand", shape=[4]), step("randn", shape=[3]), step("get_state"),
        step("randn", shape=[20]), step("randint", low=0, high=7, shape=[5], dtype="int64")]),
    dict(name="state after seeding", seed=2**40 + 7, steps=[step("get_state")]),
]


def main():
    out = []
    for case in CASES:
        g = None
        if case.get("generator"):
            g = torch.Generator().manual_seed(case["seed"])
        else:
            torch.manual_seed(case["seed"])
        results = []
        for s in case["steps"]:
            results.append(bits(run(s, g)))
        out.append(dict(case, results=results))
    meta = dict(default_initial_seed=torch.Generator().initial_seed(), torch_version=torch.__version__)
    print('{"meta": %s,\n "cases": [\n  %s\n]}' % (json.dumps(meta), ",\n  ".join(json.dumps(c) for c in out)))


if __name__ == "__main__":
    main()
