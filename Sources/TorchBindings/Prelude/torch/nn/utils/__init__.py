# torch.nn.utils: gradient clipping, parameter/vector conversion, rnn.pad_sequence,
# spectral_norm and weight_norm.
from torch.nn.utils import clip_grad, rnn
from torch.nn.utils.clip_grad import clip_grad_norm_, clip_grad_value_
from torch.nn.utils.convert_parameters import parameters_to_vector, vector_to_parameters
from torch.nn.utils._spectral_norm import remove_spectral_norm, spectral_norm
from torch.nn.utils._weight_norm import remove_weight_norm, weight_norm
