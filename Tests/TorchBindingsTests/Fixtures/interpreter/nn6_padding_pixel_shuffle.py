# F.pad's reflect and replicate modes (1-3 padded dims, batched and not, negative padding, gradients and double backward, PyTorch's messages), the padding modules, pixel_shuffle / pixel_unshuffle, and a fast_neural_style-like ConvLayer (ReflectionPad2d + Conv2d) and a sub-pixel upsampler trained a step.
import torch, torch.nn as nn, torch.nn.functional as F
cases = [((5,), (1, 1), 'reflect'), ((1, 3), (3, 0), 'reflect'), ((1, 3), (1, 3), 'reflect'), ((2, 3), (1, 1, 1, 1), 'reflect'), ((1, 1, 3), (1,), 'reflect'),
         ((2, 2, 2, 2, 2, 2), (1, 1), 'replicate'), ((1, 3), (-1, 1), 'reflect'), ((1, 3), (-1, 2), 'replicate'), ((1, 1, 2, 2), (1, 1, 2, 2), 'reflect'), ((1, 0, 3), (1, 1), 'reflect'), ((0, 3), (1, 1), 'reflect'), ((1, 3), (1, 1), 'foo'), ((1,3), (1,1), 'replicate'), ((1,3), (-3, 0), 'replicate'), ((3,), (1,1), 'replicate')]
for shape, pad, mode in cases:
    x = torch.arange(float(torch.Size(shape).numel())).reshape(shape)
    try:
        y = F.pad(x, pad, mode=mode); print(shape, pad, mode, '->', tuple(y.shape), y.flatten().tolist()[:12])
    except Exception as e: print(shape, pad, mode, type(e).__name__, e)
x = torch.randn(2, 3, 4, dtype=torch.float64, requires_grad=True)
y = F.pad(x, (2, 1), mode='reflect')
g, = torch.autograd.grad(y.pow(2).sum(), x, create_graph=True)
print(g.grad_fn.name(), g.grad_fn.next_functions)
print(torch.autograd.gradcheck(lambda t: F.pad(t, (2, 1), mode='reflect'), (x,)), torch.autograd.gradgradcheck(lambda t: F.pad(t, (2, 1), mode='replicate'), (x,)))
print(nn.ReflectionPad2d(2), nn.ReplicationPad1d((1, 2)), nn.ZeroPad2d((1, 0, 2, 3)), nn.ConstantPad1d(2, 3.5), nn.ConstantPad3d(1, -1), nn.ReflectionPad3d(1), nn.ZeroPad1d(1))
cases = [((1, 2, 2), (2, 0, 0, 0), 'reflect'), ((1, 2, 2), (0, 0, 0, 2), 'reflect'), ((1, 2, 2, 2), (2, 0, 0, 0, 0, 0), 'reflect'), ((1, 2, 2, 2), (0, 0, 2, 0, 0, 0), 'reflect'), ((1, 2, 2, 2), (0, 0, 0, 0, 0, 2), 'reflect'),
 ((1, 2, 3), (-3, 0, 0, 0), 'replicate'), ((1, 2, 3), (0, 0, -2, 0), 'replicate'), ((1, 2, 2, 3), (0, 0, 0, 0, -2, 0), 'replicate'),((1, 2, 2, 3), (-3, 0, 0, 0, 0, 0), 'replicate'),
 ((1, 0, 3), (1, 1, 1, 1), 'reflect'), ((0, 1, 1, 3), (1, 1, 0, 0, 0, 0), 'reflect'), ((1, 0, 3), (1, 1), 'replicate'), ((1, 0, 3, 3), (1, 1, 1, 1), 'replicate'), ((2, 2, 3, 3), (1, 1, 1, 1, 1, 1), 'replicate'), ((1, 3), (-3, -1), 'reflect'), ((1,3), (-4, 0), 'reflect')]
for shape, pad, mode in cases:
    x = torch.arange(float(torch.Size(shape).numel())).reshape(shape)
    try:
        y = F.pad(x, pad, mode=mode); print(shape, pad, mode, '->', tuple(y.shape))
    except Exception as e: print(shape, pad, mode, type(e).__name__, e)
cases = [((1, 2, 3), (-3, 0, 0, 0), 'reflect'), ((1, 2, 3), (0, 0, -2, 0), 'reflect'), ((1, 2, 3), (-3, 0, -2, 0), 'reflect'), ((1, 2, 2, 3), (0, 0, 0, 0, -2, 0), 'reflect'), ((1, 3), (-3, 0), 'reflect'), ((1, 3), (-2, 0), 'reflect'), ((1,3),(-3,0),'replicate'),((1,3),(-2,0),'replicate')]
for shape, pad, mode in cases:
    x = torch.arange(float(torch.Size(shape).numel())).reshape(shape)
    try:
        y = F.pad(x, pad, mode=mode); print(shape, pad, mode, '->', tuple(y.shape))
    except Exception as e: print(shape, pad, mode, type(e).__name__, e)
x = torch.arange(32.0).reshape(2, 4, 2, 2).requires_grad_()
y = F.pixel_shuffle(x, 2); print(y, y.grad_fn.name())
z = F.pixel_unshuffle(y, 2); print(torch.equal(z, x), z.grad_fn.name())
(y * torch.arange(32.0).reshape(2, 1, 4, 4)).sum().backward(); print(x.grad)
print(nn.PixelShuffle(3), nn.PixelUnshuffle(2), nn.PixelShuffle(2)(torch.ones(8, 2, 2)).shape)
for f, a in [(F.pixel_shuffle, (torch.ones(4, 2), 2)), (F.pixel_shuffle, (torch.ones(1, 3, 2, 2), 2)), (F.pixel_shuffle, (torch.ones(1, 4, 2, 2), 0)), (F.pixel_unshuffle, (torch.ones(1, 1, 3, 4), 2)), (F.pixel_unshuffle, (torch.ones(1, 1, 4, 3), 2)), (F.pixel_unshuffle, (torch.ones(4, 4), 2)), (F.pixel_unshuffle, (torch.ones(1, 1, 4, 4), -1))]:
    try: f(*a)
    except Exception as e: print(type(e).__name__, e)
torch.manual_seed(0)
class ConvLayer(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size, stride):
        super().__init__()
        self.reflection_pad = nn.ReflectionPad2d(kernel_size // 2)
        self.conv2d = nn.Conv2d(in_channels, out_channels, kernel_size, stride)

    def forward(self, x):
        return self.conv2d(self.reflection_pad(x))

net = nn.Sequential(ConvLayer(3, 8, 3, 1), nn.ReLU(), nn.ReplicationPad2d((1, 0, 1, 0)), nn.Conv2d(8, 12, 2), nn.PixelShuffle(2), nn.ZeroPad2d(1))
print(net)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
img = torch.randn(2, 3, 5, 6)
for step in range(2):
    out = net(img)
    loss = out.pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, out.shape, loss.item(), net[0].conv2d.weight.grad.norm().item())
print(out.grad_fn, out.grad_fn.next_functions[0][0], out.grad_fn.next_functions[0][0].next_functions[0][0])
