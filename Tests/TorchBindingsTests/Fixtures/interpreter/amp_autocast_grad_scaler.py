import torch
for d in ["cpu","cuda","mps","xpu","hpu","meta","foo"]:
    try:
        print(d, torch.amp.is_autocast_available(d))
    except Exception as e:
        print(d, type(e).__name__, e)
print(torch.is_autocast_enabled(), torch.is_autocast_enabled("cpu"))
try:
    torch.autocast("foo")
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.autocast(torch.device("cpu"))
except Exception as e:
    print(type(e).__name__, e)
with torch.autocast("cpu", dtype=torch.float32):
    print(torch.is_autocast_enabled("cpu"))
with torch.autocast("mps"):
    print(torch.is_autocast_enabled("mps"))
@torch.autocast("cuda")
def f(x):
    return x * 2
print(f(torch.ones(2)))
s = torch.amp.GradScaler("cpu")
print(s.is_enabled(), s.get_scale(), s.state_dict())
x = torch.tensor([1.0, 2.0], requires_grad=True)
opt = torch.optim.SGD([x], lr=0.1)
for i in range(3):
    loss = (x * x).sum()
    l = s.scale(loss)
    print(l)
    l.backward()
    print(x.grad)
    if i == 1:
        x.grad[0] = float("inf")
    s.step(opt)
    s.update()
    print(x, s.get_scale(), s._get_growth_tracker())
    opt.zero_grad()
print(s.state_dict())
print(s.scale([loss, (loss, loss)]))
try:
    s.unscale_(opt); s.unscale_(opt)
except RuntimeError as e:
    print(e)
s3 = torch.amp.GradScaler("cpu", init_scale=4.0, growth_interval=1)
y = torch.tensor([3.0], requires_grad=True)
o = torch.optim.SGD([y], lr=0.5)
s3.scale(y * 2).backward()
s3.unscale_(o)
print(y.grad, s3.step(o), y, s3.state_dict())
s3.update(1024.0)
print(s3.get_scale())
try:
    s3.step(o)
except AssertionError as e:
    print("AssertionError:", e)
try:
    s3.scale(3)
except ValueError as e:
    print("ValueError:", e)
print(s3.scale([y, (y, y)]))
print(torch.cuda.amp.GradScaler(enabled=False).state_dict(), torch.float16, torch.bfloat16, torch.half)
with torch.cuda.amp.autocast(enabled=False):
    print(torch.is_autocast_enabled(), torch.float16.is_floating_point, torch.bfloat16.itemsize)
