# The standard modules real training scripts import: typing, copy, operator, string, sys, time,
# warnings (with filters that silence torch's own warnings too).
import copy
import functools
import operator
import string
import sys
import time
import warnings
from typing import Callable, Dict, List, Optional, Tuple

import torch
from torch import nn

torch.manual_seed(0)


def scale(values: List[float], factor: Optional[float] = None) -> Tuple[float, ...]:
    return tuple(v * (factor or 1.0) for v in values)


Pair = Dict[str, Callable[[int], int]]
print(scale([1.0, 2.0], 3.0), Optional[int], List[torch.Tensor], Pair)

print(functools.reduce(operator.mul, [1, 2, 3, 4]), operator.add(2, 3), operator.neg(4))
print(sorted([(1, "b"), (0, "c")], key=operator.itemgetter(1)), operator.attrgetter("shape")(torch.ones(2)))
print(string.ascii_lowercase[:5], string.digits, len(string.punctuation))

model = nn.Sequential(nn.Linear(3, 2), nn.Tanh(), nn.Linear(2, 1))
best = copy.deepcopy(model.state_dict())
twin = copy.deepcopy(model)
loss = model(torch.ones(4, 3)).sum()
loss.backward()
with torch.no_grad():
    for p in model.parameters():
        p -= 0.1 * p.grad
print(torch.equal(best["0.weight"], model[0].weight), torch.equal(twin[0].weight, best["0.weight"]))
print(type(twin[0].weight).__name__, twin[0].weight.requires_grad, twin[0].weight.grad, model[0].weight.grad is not None)
model.load_state_dict(best)
print(torch.equal(model[0].weight, twin[0].weight), model[0].weight is twin[0].weight)
x = torch.ones(2, requires_grad=True)
x.grad = torch.full((2,), 3.0)
y = copy.deepcopy(x)
print(y, y.grad, y.is_leaf)
try:
    copy.deepcopy(x * 2)
except RuntimeError as e:
    print("RuntimeError:", e)
shared = [1, [2, 3]]
pair = copy.deepcopy([shared, shared])
print(pair[0] is pair[1], pair[0] is shared, copy.copy(shared)[1] is shared[1])

start = time.time()
t0 = time.perf_counter()
time.sleep(0.01)
print(time.time() >= start, time.perf_counter() - t0 >= 0.01)

print(sys.argv[0].endswith("lead_stdlib_modules.py"), sys.maxsize, sys.version_info >= (3, 8))
sys.stdout.write("written\n")
print("to stdout", file=sys.stdout)

warnings.warn("plain warning")
with warnings.catch_warnings(record=True) as caught:
    warnings.warn("recorded", DeprecationWarning)
    warnings.warn("recorded twice", RuntimeWarning)
print(len(caught), [str(w.message) for w in caught], caught[0].category.__name__)
warnings.filterwarnings("ignore", category=UserWarning)
warnings.warn("silenced")
warnings.simplefilter("error")
try:
    warnings.warn("now an error", FutureWarning)
except FutureWarning as e:
    print("FutureWarning:", e)
warnings.resetwarnings()
warnings.filterwarnings("ignore", message="Using a target size")
nn.MSELoss()(torch.ones(2, 1), torch.ones(2))
print("done")
sys.exit(0)
print("not reached")
