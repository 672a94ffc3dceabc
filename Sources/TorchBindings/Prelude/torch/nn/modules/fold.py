# Fold and Unfold, after PyTorch's torch/nn/modules/fold.py.
import torch.nn.functional as F
from torch.nn.modules.module import Module


class Fold(Module):
    r"""Combines an array of sliding local blocks into a large containing tensor (col2im)."""

    __constants__ = ["output_size", "kernel_size", "dilation", "padding", "stride"]

    def __init__(self, output_size, kernel_size, dilation=1, padding=0, stride=1):
        super().__init__()
        self.output_size = output_size
        self.kernel_size = kernel_size
        self.dilation = dilation
        self.padding = padding
        self.stride = stride

    def forward(self, input):
        return F.fold(input, self.output_size, self.kernel_size, self.dilation, self.padding, self.stride)

    def extra_repr(self):
        return (
            "output_size={output_size}, kernel_size={kernel_size}, "
            "dilation={dilation}, padding={padding}, stride={stride}".format(
                output_size=self.output_size, kernel_size=self.kernel_size, dilation=self.dilation,
                padding=self.padding, stride=self.stride,
            )
        )


class Unfold(Module):
    r"""Extracts sliding local blocks from a batched input tensor (im2col)."""

    __constants__ = ["kernel_size", "dilation", "padding", "stride"]

    def __init__(self, kernel_size, dilation=1, padding=0, stride=1):
        super().__init__()
        self.kernel_size = kernel_size
        self.dilation = dilation
        self.padding = padding
        self.stride = stride

    def forward(self, input):
        return F.unfold(input, self.kernel_size, self.dilation, self.padding, self.stride)

    def extra_repr(self):
        return "kernel_size={kernel_size}, dilation={dilation}, padding={padding}, stride={stride}".format(
            kernel_size=self.kernel_size, dilation=self.dilation, padding=self.padding, stride=self.stride
        )
