# The 3-D layers' errors for wrong input ranks, sizes and arguments, word for word.
import torch
import torch.nn.functional as F

x = torch.randn(2, 3, 4, 5, 6)
cases = [
    lambda: F.conv3d(torch.randn(3, 4, 5), torch.randn(2, 3, 1, 1, 1)),
    lambda: F.conv3d(x, torch.randn(2, 3, 1, 1)),
    lambda: F.conv3d(x, torch.randn(2, 4, 1, 1, 1)),
    lambda: F.conv3d(x, torch.randn(2, 3, 5, 1, 1)),
    lambda: F.conv3d(x, torch.randn(2, 3, 2, 2, 2), stride=(1, 1)),
    lambda: F.conv3d(x, torch.randn(2, 3, 1, 1, 1), torch.randn(3)),
    lambda: F.conv_transpose3d(x, torch.randn(4, 2, 1, 1, 1)),
    lambda: F.conv_transpose3d(x, torch.randn(3, 2, 1, 1, 1), output_padding=1),
    lambda: F.max_pool3d(torch.randn(3, 4, 5), 2),
    lambda: F.max_pool3d(x, (2, 2)),
    lambda: F.max_pool3d(x, 2, stride=(1, 1)),
    lambda: F.max_pool3d(x, 2, padding=(1, 1)),
    lambda: F.max_pool3d(x, 2, dilation=(1, 1)),
    lambda: F.max_pool3d(x, 0),
    lambda: F.max_pool3d(x, 0, stride=1),
    lambda: F.max_pool3d(x, 2, stride=-1),
    lambda: F.max_pool3d(x, 2, padding=-1),
    lambda: F.max_pool3d(x, 2, padding=2),
    lambda: F.max_pool3d(x, 2, dilation=0),
    lambda: F.max_pool3d(x, 5),
    lambda: F.max_pool3d(torch.randn(2, 0, 4, 5, 6), 2),
    lambda: F.avg_pool3d(torch.randn(3, 4, 5), 2),
    lambda: F.avg_pool3d(x, (2, 2)),
    lambda: F.avg_pool3d(x, 2, stride=(1, 1)),
    lambda: F.avg_pool3d(x, 2, padding=(1, 1)),
    lambda: F.avg_pool3d(x, 0, stride=1),
    lambda: F.avg_pool3d(x, 5),
    lambda: F.avg_pool3d(x, 2, divisor_override=0),
    lambda: F.avg_pool3d(torch.randn(2, 0, 4, 5, 6), 2),
    lambda: F.adaptive_avg_pool3d(torch.randn(3, 4, 5), 2),
    lambda: F.adaptive_avg_pool3d(x, (2, 2)),
    lambda: F.adaptive_avg_pool3d(x, (2, -1, 2)),
    lambda: F.adaptive_avg_pool3d(torch.randn(2, 0, 4, 5, 6), 2),
    lambda: F.adaptive_max_pool3d(torch.randn(3, 4, 5), 2),
    lambda: F.adaptive_max_pool3d(x, (2, 2)),
    lambda: F.adaptive_max_pool3d(x, (2, -1, 2)),
    lambda: F.adaptive_max_pool3d(torch.randn(2, 0, 4, 5, 6), 2),
    lambda: F.batch_norm(x, torch.zeros(2), torch.ones(2)),
    lambda: torch.nn.MaxPool3d(2)(torch.randn(3, 4, 5)),
]
for case in cases:
    try:
        case()
        print("no error")
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__, e)
print(F.max_pool3d(torch.randn(0, 3, 4, 5, 6), 2).shape, F.adaptive_max_pool3d(torch.randn(0, 3, 4, 5, 6), 2).shape)
