# torch.save / torch.load round trips: a state_dict into a new model, a checkpoint dict with the
# optimizer's state, tensors (requires_grad kept, grad_fn and .grad dropped), storage sharing, the
# weights_only refusal and its opt-outs, a missing file.
import collections
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
loss = model(torch.randn(5, 3)).pow(2).mean()
loss.backward()
opt.step()
torch.save({"epoch": 3, "model_state_dict": model.state_dict(), "optimizer_state_dict": opt.state_dict(), "loss": loss}, "ckpt.pt")

restored = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
opt2 = torch.optim.SGD(restored.parameters(), lr=0.5)
ckpt = torch.load("ckpt.pt", weights_only=True)
print(sorted(ckpt.keys()), ckpt["epoch"], type(ckpt["model_state_dict"]))
print(restored.load_state_dict(ckpt["model_state_dict"]))
opt2.load_state_dict(ckpt["optimizer_state_dict"])
print(opt2.state_dict()["param_groups"][0]["lr"], opt2.state_dict()["param_groups"][0]["momentum"])
print(ckpt["loss"], ckpt["loss"].requires_grad, ckpt["loss"].grad_fn, ckpt["loss"].is_leaf)
x = torch.randn(3)
print(torch.equal(restored(x), model(x)))

# Values are copied at save time; each load is a new copy.
w = torch.ones(2, 3, requires_grad=True)
w.grad = torch.full((2, 3), 7.0)
torch.save([w, w, w[0], w.t()], "w.pt")
with torch.no_grad():
    w.mul_(2)
a = torch.load("w.pt")
b = torch.load("w.pt")
print(a[0], a[0].grad, a[0] is a[1], a[0] is b[0])
a[0].data[0, 0] = 5
print(a[2], a[3], b[0][0, 0].item(), a[2].is_leaf, a[2].requires_grad, a[2]._base)
print(a[3].stride(), a[3].is_contiguous())

p = nn.Parameter(torch.arange(3.0))
torch.save({"p": p, "n": None, "t": (1, 2.5, "s"), "s": torch.Size([2, 3]), "d": torch.float64, "od": collections.OrderedDict(a=1)}, "p.pt")
r = torch.load("p.pt")
print(type(r["p"]).__name__, r["p"], r["t"], r["s"], r["d"], r["od"], type(r["od"]))

# weights_only refuses anything but weights, unless told otherwise.
torch.save(model, "model.pt")
try:
    torch.load("model.pt")
except Exception as e:
    print(type(e).__module__, type(e).__name__, str(e).splitlines()[3])
m2 = torch.load("model.pt", weights_only=False)
print(m2, torch.equal(m2(x), model(x)), m2[0].weight is model[0].weight)


class Box:
    def __init__(self, v):
        self.v = v


torch.save({"box": Box(torch.ones(1))}, "box.pt")
try:
    torch.load("box.pt")
except Exception as e:
    print(str(e).splitlines()[3])
torch.serialization.add_safe_globals([Box])
print(torch.load("box.pt")["box"].v)

try:
    torch.load("missing.pt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
try:
    torch.save(x, 3)
except AttributeError as e:
    print(e)
