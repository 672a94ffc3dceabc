# torch.nn.utils.spectral_norm on Linear and Conv2d layers of a small GAN discriminator: the
# weight_orig parameter and weight_u / weight_v buffers, power iteration in training mode only,
# the normalised weight's largest singular value, training steps, remove_spectral_norm.
import torch
import torch.nn as nn
from torch.nn.utils import spectral_norm

torch.manual_seed(0)
linear = spectral_norm(nn.Linear(5, 3))
print(linear)
print(sorted(name for name, _ in linear.named_parameters()), sorted(name for name, _ in linear.named_buffers()))
print(linear.weight_u, linear.weight_v)
x = torch.randn(4, 5)
y = linear(x)
print(y, y.grad_fn)
print(linear.weight, linear.weight.grad_fn)
print(linear.weight_u, linear.weight_v)
linear.eval()
before = linear.weight_u.clone()
linear(x)
print(torch.equal(before, linear.weight_u))

disc = nn.Sequential(
    spectral_norm(nn.Conv2d(2, 4, 3, stride=2, padding=1)),
    nn.LeakyReLU(0.2),
    nn.Flatten(),
    spectral_norm(nn.Linear(4 * 3 * 3, 1), n_power_iterations=3),
)
opt = torch.optim.Adam(disc.parameters(), lr=0.01, betas=(0.5, 0.999))
images = torch.randn(6, 2, 5, 5)
for step in range(3):
    opt.zero_grad()
    loss = nn.functional.softplus(-disc(images)).mean()
    loss.backward()
    opt.step()
    print(step, loss, disc[0].weight_orig.grad.abs().sum())
print(disc[0].weight_u, disc[3].weight_v[:4])
print(round(torch.linalg.matrix_norm(disc[3].weight.detach(), ord=2).item(), 4))

nn.utils.remove_spectral_norm(linear)
print(sorted(name for name, _ in linear.named_parameters()), linear.weight)
for bad in [lambda: spectral_norm(linear, n_power_iterations=0), lambda: spectral_norm(disc[0]), lambda: nn.utils.remove_spectral_norm(linear)]:
    try:
        bad()
    except (ValueError, RuntimeError) as e:
        print(type(e).__name__, e)
