# binary_cross_entropy_with_logits with weight and pos_weight: log-sigmoid and sigmoid from the
# activation kernels (SLEEF on the vector blocks), forward and both gradients, to the last bit.
import torch
import torch.nn.functional as F

torch.manual_seed(11)
for dtype in [torch.float32, torch.float64]:
    for shape in [(4, 5), (3, 40), (70,)]:
        x = (torch.randn(shape, dtype=dtype) * 3).requires_grad_()
        t = torch.rand(shape, dtype=dtype).requires_grad_()
        w = torch.rand(shape[-1], dtype=dtype)
        pw = torch.rand(shape[-1], dtype=dtype) * 3
        for kwargs in [{}, {"pos_weight": pw}, {"weight": w, "pos_weight": pw}]:
            for reduction in ["none", "mean", "sum"]:
                loss = F.binary_cross_entropy_with_logits(x, t, reduction=reduction, **kwargs)
                gx, gt = torch.autograd.grad(loss.sum(), (x, t))
                print(dtype, shape, sorted(kwargs), reduction, loss.flatten()[:4].tolist(), loss.sum().item())
                print(gx.flatten().tolist())
                print(gt.flatten().tolist())
