# torch.nn.utils: gradient clipping, parameter/vector conversion and rnn.pad_sequence.
from torch.nn.utils import clip_grad, rnn
from torch.nn.utils.clip_grad import clip_grad_norm_, clip_grad_value_
from torch.nn.utils.convert_parameters import parameters_to_vector, vector_to_parameters
