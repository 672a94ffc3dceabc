#!/usr/bin/env python3
"""Writes seed scripts for the GradScope fuzzer: programs that parse but do odd things
(deep nesting, huge literals, wrong arities, shape mismatches, recursion, in-place ops in odd
places, exceptions in odd spots). Deterministic for a given --seed.

    python3 fuzz/generate.py --count 400 --out fuzz/seeds
"""
import argparse
import os
import random

SHAPES = ["2", "3", "2, 3", "3, 2", "1, 3", "2, 1", "0", "0, 3", "2, 2, 2", "1", ""]
FACTORIES = ["torch.ones", "torch.zeros", "torch.rand", "torch.randn", "torch.empty"]
UNARY = ["exp", "log", "sqrt", "sin", "cos", "tanh", "sigmoid", "relu", "abs", "neg", "reciprocal",
         "square", "sum", "mean", "t", "clone", "detach", "flatten", "squeeze", "numel", "item",
         "tolist", "size", "dim", "contiguous", "float", "double", "long", "int", "bool", "max",
         "min", "argmax", "exp_", "zero_", "relu_", "sigmoid_", "abs_", "neg_"]
BINARY = ["+", "-", "*", "/", "@", "**", "//", "%", "<", "==", ">=", "&", "|"]
METHODS2 = ["add", "sub", "mul", "div", "matmul", "pow", "add_", "mul_", "sub_", "div_", "copy_",
            "expand", "view", "reshape", "transpose", "permute", "unsqueeze", "squeeze", "sum",
            "mean", "softmax", "log_softmax", "clamp", "repeat", "masked_fill", "gather", "index_select",
            "narrow", "select", "split", "chunk", "cat", "stack", "where", "type_as", "to", "fill_"]
ODD_INTS = ["0", "-1", "1", "2", "-2", "7", "2**31", "2**40", "-2**63", "2**63-1", "10**6", "True", "None"]
ODD_VALUES = ODD_INTS + ["1.5", "float('nan')", "float('inf')", "-0.0", "1e308", "1e-320", "'a'", "[]", "()",
                         "[1, 2]", "(2, 3)", "{}", "x", "y", "torch.float64", "torch.long", "print", "lambda: 0"]


def tensor_expr(r):
    kind = r.randrange(6)
    if kind == 0:
        return "%s(%s%s)" % (r.choice(FACTORIES), r.choice(SHAPES),
                             r.choice(["", ", requires_grad=True", ", dtype=torch.float64"]))
    if kind == 1:
        return "torch.tensor(%s%s)" % (r.choice(["[1.0, 2.0]", "[[1, 2], [3, 4]]", "3.0", "[]", "[[1.0], [2.0, 3.0]]",
                                                 "[True, False]", "[1e308, -1e308]"]),
                                       r.choice(["", ", requires_grad=True"]))
    if kind == 2:
        return "torch.arange(%s)" % r.choice(["5", "0", "1, 10, 3", "-3", "0, 1, 0.25", "10**7"])
    if kind == 3:
        return r.choice(["x", "y", "z", "w"])
    if kind == 4:
        return "torch.eye(%s)" % r.choice(["3", "0", "2, 5", "-1"])
    return "torch.full((%s,), %s)" % (r.choice(["2", "0", "3"]), r.choice(ODD_VALUES))


def expr(r, depth=0):
    if depth > 3 or r.random() < 0.3:
        return tensor_expr(r) if r.random() < 0.7 else r.choice(ODD_VALUES)
    kind = r.randrange(5)
    if kind == 0:
        return "(%s %s %s)" % (expr(r, depth + 1), r.choice(BINARY), expr(r, depth + 1))
    if kind == 1:
        return "%s.%s()" % (expr(r, depth + 1), r.choice(UNARY))
    if kind == 2:
        args = ", ".join(r.choice(ODD_VALUES) for _ in range(r.randrange(4)))
        return "%s.%s(%s)" % (expr(r, depth + 1), r.choice(METHODS2), args)
    if kind == 3:
        idx = r.choice(["0", "-1", "5", "1:", ":, 0", "None", "...", "x > 0", "[0, 0, 1]", "::2", "::-1",
                        "torch.tensor([0, 1])", "True", "1.5", "0, 0, 0, 0"])
        return "%s[%s]" % (expr(r, depth + 1), idx)
    return "torch.%s(%s)" % (r.choice(["cat", "stack", "where", "matmul", "softmax", "sum", "max", "exp"]),
                              ", ".join(expr(r, depth + 1) for _ in range(r.randrange(1, 4))))


def statement(r, indent=""):
    kind = r.randrange(12)
    target = r.choice(["x", "y", "z", "w"])
    if kind <= 3:
        return "%s%s = %s\n" % (indent, target, expr(r))
    if kind == 4:
        return "%s%s.backward(%s)\n" % (indent, expr(r), r.choice(["", "retain_graph=True", "torch.ones(2)", "create_graph=True"]))
    if kind == 5:
        return "%sprint(%s)\n" % (indent, expr(r))
    if kind == 6:
        return "%s%s %s= %s\n" % (indent, target, r.choice(["+", "-", "*", "/", "@", "**"]), expr(r))
    if kind == 7:
        return "%s%s[%s] = %s\n" % (indent, target, r.choice(["0", ":", "-1", "x > 0", "None"]), expr(r))
    if kind == 8:
        return "%swith torch.no_grad():\n%s    %s = %s\n" % (indent, indent, target, expr(r))
    if kind == 9:
        return "%stry:\n%s    %s = %s\n%sexcept Exception as e:\n%s    print(type(e).__name__, e)\n" % (
            indent, indent, target, expr(r), indent, indent)
    if kind == 10:
        return "%sprint(%s.grad, %s.grad_fn, %s.shape)\n" % (indent, target, target, target)
    return "%sfor i in range(%s):\n%s    %s = %s\n" % (indent, r.choice(["3", "0", "-1", "2**62"]), indent, target, expr(r))


def odd_program(r):
    """One of the shapes of trouble a script can take beyond random tensor code."""
    kind = r.randrange(10)
    if kind == 0:
        n = r.choice([50, 150, 199, 250, 1000])
        return "x = " + "(" * n + "1" + ")" * n + "\n"
    if kind == 1:
        n = r.choice([50, 199, 300])
        return "x = " + "[" * n + "]" * n + "\nprint(x)\n"
    if kind == 2:
        return "def f(n):\n    return f(n + 1)\nf(0)\n"
    if kind == 3:
        return "x = %s\nprint(x * x, -x, x // 3, x %% 7)\n" % r.choice(
            ["9" * 40, "2**64", "10**400", "1e999", "0x" + "f" * 30, "-9223372036854775808 // -1", "'a' * 10**12"])
    if kind == 4:
        return "def f(a, b):\n    return a\nf(%s)\n" % ", ".join(["1"] * r.randrange(0, 5))
    if kind == 5:
        return "x = torch.ones(%s)\ny = torch.ones(%s)\nprint(x + y)\nprint(x @ y)\n" % (r.choice(SHAPES), r.choice(SHAPES))
    if kind == 6:
        return ("x = torch.ones(3, requires_grad=True)\ny = x * 2\nx.add_(1)\ny.sum().backward()\n"
                "z = x.exp()\nz.mul_(2)\nz.sum().backward()\nprint(x.grad)\n")
    if kind == 7:
        return "x = torch.ones(1)\nfor i in range(%d):\n    x = x * 1.0001\nx.sum().backward()\n" % r.choice([10, 1000, 5000])
    if kind == 8:
        return "class A:\n    def __init__(self):\n        self.a = self\n    def __repr__(self):\n        return repr(self.a)\nprint(A())\n"
    return "x = f'{%s!r:>{%s}}'\nprint(x)\n" % (r.choice(["1", "x", "'a'", "[1]"]), r.choice(["10", "-1", "10**9", "'a'"]))


def program(r):
    out = "import torch\nimport math\nx = torch.ones(2, 3, requires_grad=True)\ny = torch.randn(3, 2)\n"
    out += "z = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)\nw = 2\n"
    if r.random() < 0.35:
        out += odd_program(r)
    for _ in range(r.randrange(1, 8)):
        out += statement(r)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    r = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    for i in range(args.count):
        with open(os.path.join(args.out, "gen_%04d.py" % i), "w") as f:
            f.write(program(r))


if __name__ == "__main__":
    main()
