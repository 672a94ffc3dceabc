# source: pytorch/tutorials recipes_source/recipes/amp_recipe.py@db77dcf6e3637924f43852c014f2af9978b0f891 (make_model, the default-precision loop, GradScaler, inference, gradient clipping and saving/resuming kept with small sizes; run where CUDA is missing, so CUDA autocast and GradScaler disable themselves with PyTorch's warnings; a CPU GradScaler section with an injected inf shows a skipped step; timing, gc and .cuda() removed)
import torch

torch.manual_seed(0)


def make_model(in_size, out_size, num_layers):
    layers = []
    for _ in range(num_layers - 1):
        layers.append(torch.nn.Linear(in_size, in_size))
        layers.append(torch.nn.ReLU())
    layers.append(torch.nn.Linear(in_size, out_size))
    return torch.nn.Sequential(*tuple(layers))


batch_size = 16
in_size = 32
out_size = 8
num_layers = 3
num_batches = 5
epochs = 3

device = 'cuda' if torch.cuda.is_available() else 'cpu'
data = [torch.randn(batch_size, in_size) for _ in range(num_batches)]
targets = [torch.randn(batch_size, out_size) for _ in range(num_batches)]
loss_fn = torch.nn.MSELoss()

# Default precision
net = make_model(in_size, out_size, num_layers)
opt = torch.optim.SGD(net.parameters(), lr=0.001)
for epoch in range(epochs):
    for input, target in zip(data, targets):
        output = net(input)
        loss = loss_fn(output, target)
        loss.backward()
        opt.step()
        opt.zero_grad()
print("Default precision:", loss.item())

# Written for a GPU: on this machine autocast and the scaler turn themselves off.
use_amp = True
net = make_model(in_size, out_size, num_layers)
opt = torch.optim.SGD(net.parameters(), lr=0.001)
scaler = torch.amp.GradScaler("cuda", enabled=use_amp)
for epoch in range(epochs):
    for input, target in zip(data, targets):
        with torch.autocast(device_type="cuda", dtype=torch.float16, enabled=use_amp):
            output = net(input)
            loss = loss_fn(output, target)
        scaler.scale(loss).backward()
        scaler.step(opt)
        scaler.update()
        opt.zero_grad()
print("Mixed precision (CUDA missing):", loss.item(), output.dtype, scaler.is_enabled(), scaler.get_scale())

# A CPU GradScaler scales the loss, unscales the gradients before clipping, and skips a step on inf.
net = make_model(in_size, out_size, num_layers)
opt = torch.optim.SGD(net.parameters(), lr=0.001)
scaler = torch.amp.GradScaler("cpu", growth_interval=4)
max_norm = 0.5
for epoch in range(epochs):
    for i, (input, target) in enumerate(zip(data, targets)):
        with torch.autocast(device_type="cpu", dtype=torch.float32):
            output = net(input)
            loss = loss_fn(output, target)
        scaler.scale(loss).backward()
        if epoch == 1 and i == 2:
            net[0].weight.grad[0, 0] = float("inf")
        scaler.unscale_(opt)
        total = torch.nn.utils.clip_grad_norm_(net.parameters(), max_norm)
        scaler.step(opt)
        scaler.update()
        opt.zero_grad(set_to_none=True)
    print(epoch, loss.item(), total.item(), scaler.get_scale(), scaler._get_growth_tracker())

checkpoint = {"model": net.state_dict(), "optimizer": opt.state_dict(), "scaler": scaler.state_dict()}
print(checkpoint["scaler"])
scaler2 = torch.amp.GradScaler("cpu")
scaler2.load_state_dict(checkpoint["scaler"])
print(scaler2.get_scale(), scaler2.state_dict() == checkpoint["scaler"])

# Inference/Evaluation
with torch.autocast(device_type="cuda", dtype=torch.float16):
    output = net(data[0])
print(output[0], torch.is_autocast_enabled())
