# torch.nn, as PyTorch's torch/nn/__init__.py exports it. torch.nn.functional is GradScope's
# host module (Swift); everything else here is this prelude.
import torch.nn.functional as functional
from torch.nn.parameter import Parameter, UninitializedParameter
from torch.nn.modules import (
    AlphaDropout,
    AvgPool1d,
    AvgPool2d,
    BatchNorm1d,
    BatchNorm2d,
    BCELoss,
    BCEWithLogitsLoss,
    Conv1d,
    Conv2d,
    CrossEntropyLoss,
    Dropout,
    Dropout1d,
    Dropout2d,
    Dropout3d,
    ELU,
    Embedding,
    Flatten,
    GELU,
    GRU,
    GroupNorm,
    GRUCell,
    Identity,
    InstanceNorm1d,
    InstanceNorm2d,
    InstanceNorm3d,
    L1Loss,
    LayerNorm,
    LazyConv2d,
    LazyLinear,
    LeakyReLU,
    Linear,
    LocalResponseNorm,
    LPPool1d,
    LPPool2d,
    LogSoftmax,
    LSTM,
    LSTMCell,
    MaxPool1d,
    MaxPool2d,
    MaxUnpool1d,
    MaxUnpool2d,
    Module,
    ModuleDict,
    ModuleList,
    MSELoss,
    NLLLoss,
    ParameterList,
    ReLU,
    RReLU,
    RNN,
    RNNBase,
    RNNCell,
    RNNCellBase,
    Sequential,
    Sigmoid,
    SmoothL1Loss,
    Softmax,
    Tanh,
)
from torch.nn.modules import (
    CELU, GLU, PReLU, SELU, Hardshrink, Hardsigmoid, Hardswish, Hardtanh, LogSigmoid, Mish, ReLU6, Softmin, Softshrink, Softsign,
    Tanhshrink, Threshold,
)
from torch.nn.modules import (
    CosineEmbeddingLoss, GaussianNLLLoss, HingeEmbeddingLoss, MarginRankingLoss, MultiLabelMarginLoss, MultiLabelSoftMarginLoss, MultiMarginLoss, SoftMarginLoss, CTCLoss, PoissonNLLLoss,
)
from torch.nn.modules import AdaptiveAvgPool2d, ConvTranspose2d, HuberLoss, KLDivLoss, SiLU, Softplus, Unflatten, Upsample
from torch.nn.modules import (
    Bilinear, PairwiseDistance, TripletMarginLoss, TripletMarginWithDistanceLoss, UpsamplingBilinear2d, UpsamplingNearest2d,
)
from torch.nn.modules import (
    EmbeddingBag, MultiheadAttention, Transformer, TransformerDecoder, TransformerDecoderLayer, TransformerEncoder, TransformerEncoderLayer,
)
from torch.nn.modules import (
    CircularPad1d, CircularPad2d, CircularPad3d, ConstantPad1d, ConstantPad2d, ConstantPad3d, ReflectionPad1d, ReflectionPad2d, ReflectionPad3d, ReplicationPad1d,
    ReplicationPad2d, ReplicationPad3d, ZeroPad1d, ZeroPad2d, ZeroPad3d,
)
from torch.nn.modules import PixelShuffle, PixelUnshuffle
from torch.nn.modules import Fold, Unfold
from torch.nn.modules import CosineSimilarity, ParameterDict, RMSNorm, Softmax2d
from torch.nn.modules import AdaptiveAvgPool1d, AdaptiveMaxPool1d, AdaptiveMaxPool2d, ConvTranspose1d
from torch.nn.modules import (
    AdaptiveAvgPool3d, AdaptiveMaxPool3d, AvgPool3d, BatchNorm3d, Conv3d, ConvTranspose3d, MaxPool3d,
)
from torch.nn import init, utils
