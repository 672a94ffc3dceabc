# Conv3d and ConvTranspose3d, after PyTorch's torch/nn/modules/conv.py (the shared _ConvNd and
# _ConvTransposeNd live in conv.py): volumetric convolutions over [N, C, D, H, W] inputs.
import torch.nn.functional as F
from torch.nn.modules.conv import _ConvNd, _ConvTransposeNd, _ntuple


class Conv3d(_ConvNd):
    r"""Applies a 3D convolution over an input signal composed of several input planes."""

    def __init__(
        self,
        in_channels,
        out_channels,
        kernel_size,
        stride=1,
        padding=0,
        dilation=1,
        groups=1,
        bias=True,
        padding_mode="zeros",
        device=None,
        dtype=None,
    ):
        super().__init__(
            in_channels,
            out_channels,
            _ntuple(kernel_size, 3),
            _ntuple(stride, 3),
            padding if isinstance(padding, str) else _ntuple(padding, 3),
            _ntuple(dilation, 3),
            False,
            _ntuple(0, 3),
            groups,
            bias,
            padding_mode,
            device,
            dtype,
        )

    def _conv_forward(self, input, weight, bias):
        if self.padding_mode != "zeros":
            return F.conv3d(
                F.pad(input, self._reversed_padding_repeated_twice, mode=self.padding_mode),
                weight, bias, self.stride, (0, 0, 0), self.dilation, self.groups,
            )
        return F.conv3d(input, weight, bias, self.stride, self.padding, self.dilation, self.groups)

    def forward(self, input):
        return self._conv_forward(input, self.weight, self.bias)


class ConvTranspose3d(_ConvTransposeNd):
    r"""Applies a 3D transposed convolution operator over an input image composed of several input planes."""

    def __init__(
        self,
        in_channels,
        out_channels,
        kernel_size,
        stride=1,
        padding=0,
        output_padding=0,
        groups=1,
        bias=True,
        dilation=1,
        padding_mode="zeros",
        device=None,
        dtype=None,
    ):
        super().__init__(
            in_channels,
            out_channels,
            _ntuple(kernel_size, 3),
            _ntuple(stride, 3),
            _ntuple(padding, 3),
            _ntuple(dilation, 3),
            True,
            _ntuple(output_padding, 3),
            groups,
            bias,
            padding_mode,
            device,
            dtype,
        )

    def forward(self, input, output_size=None):
        return self._transposed_forward(F.conv_transpose3d, 3, input, output_size)
