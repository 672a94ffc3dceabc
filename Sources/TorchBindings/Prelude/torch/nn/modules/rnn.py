# RNN, LSTM and GRU (and their cells), after PyTorch's torch/nn/modules/rnn.py: the same
# parameters, names, initialisation order and repr. A float32 LSTM runs one op per layer and
# direction (torch.mkldnn_rnn_layer, as PyTorch's CPU kernel); other recurrences are written
# with tensor ops (linear, sigmoid, tanh, slices, stack), as PyTorch's CPU fallback computes them.
import math

import torch
import torch.nn.functional as F
from torch.nn import init
from torch.nn.modules.module import Module
from torch.nn.parameter import Parameter


def _lstm_cell(input, hx, w_ih, w_hh, b_ih, b_hh):
    h, c = hx
    gates = F.linear(input, w_ih, b_ih) + F.linear(h, w_hh, b_hh)
    size = h.shape[-1]
    ingate = torch.sigmoid(gates[..., :size])
    forgetgate = torch.sigmoid(gates[..., size : 2 * size])
    cellgate = torch.tanh(gates[..., 2 * size : 3 * size])
    outgate = torch.sigmoid(gates[..., 3 * size :])
    cy = forgetgate * c + ingate * cellgate
    hy = outgate * torch.tanh(cy)
    return hy, cy


def _gru_cell(input, hx, w_ih, w_hh, b_ih, b_hh):
    gi = F.linear(input, w_ih, b_ih)
    gh = F.linear(hx, w_hh, b_hh)
    size = hx.shape[-1]
    resetgate = torch.sigmoid(gi[..., :size] + gh[..., :size])
    inputgate = torch.sigmoid(gi[..., size : 2 * size] + gh[..., size : 2 * size])
    newgate = torch.tanh(gi[..., 2 * size :] + resetgate * gh[..., 2 * size :])
    return (hx - newgate) * inputgate + newgate


def _rnn_cell(input, hx, w_ih, w_hh, b_ih, b_hh, nonlinearity):
    pre = F.linear(input, w_ih, b_ih) + F.linear(hx, w_hh, b_hh)
    return torch.tanh(pre) if nonlinearity == "tanh" else torch.relu(pre)


class RNNBase(Module):
    r"""Base class for RNN modules (RNN, LSTM, GRU)."""

    def __init__(
        self,
        mode,
        input_size,
        hidden_size,
        num_layers=1,
        bias=True,
        batch_first=False,
        dropout=0.0,
        bidirectional=False,
        proj_size=0,
        device=None,
        dtype=None,
    ):
        super().__init__()
        self.mode = mode
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.bias = bias
        self.batch_first = batch_first
        self.dropout = float(dropout)
        self.bidirectional = bidirectional
        self.proj_size = proj_size
        num_directions = 2 if bidirectional else 1

        if not isinstance(dropout, (int, float)) or not 0 <= dropout <= 1 or isinstance(dropout, bool):
            raise ValueError(
                "dropout should be a number in range [0, 1] "
                "representing the probability of an element being "
                "zeroed"
            )
        if not isinstance(hidden_size, int):
            raise TypeError(f"hidden_size should be of type int, got: {type(hidden_size).__name__}")
        if hidden_size <= 0:
            raise ValueError("hidden_size must be greater than zero")
        if num_layers <= 0:
            raise ValueError("num_layers must be greater than zero")
        if proj_size != 0:
            raise NotImplementedError("GradScope's LSTM does not support proj_size yet")

        if mode == "LSTM":
            gate_size = 4 * hidden_size
        elif mode == "GRU":
            gate_size = 3 * hidden_size
        elif mode == "RNN_TANH":
            gate_size = hidden_size
        elif mode == "RNN_RELU":
            gate_size = hidden_size
        else:
            raise ValueError("Unrecognized RNN mode: " + mode)

        self._flat_weights_names = []
        self._all_weights = []
        for layer in range(num_layers):
            for direction in range(num_directions):
                layer_input_size = input_size if layer == 0 else hidden_size * num_directions
                w_ih = Parameter(torch.empty((gate_size, layer_input_size), dtype=dtype))
                w_hh = Parameter(torch.empty((gate_size, hidden_size), dtype=dtype))
                b_ih = Parameter(torch.empty(gate_size, dtype=dtype))
                b_hh = Parameter(torch.empty(gate_size, dtype=dtype))
                if bias:
                    layer_params = (w_ih, w_hh, b_ih, b_hh)
                else:
                    layer_params = (w_ih, w_hh)

                suffix = "_reverse" if direction == 1 else ""
                param_names = ["weight_ih_l{}{}", "weight_hh_l{}{}"]
                if bias:
                    param_names += ["bias_ih_l{}{}", "bias_hh_l{}{}"]
                param_names = [x.format(layer, suffix) for x in param_names]

                for name, param in zip(param_names, layer_params):
                    setattr(self, name, param)
                self._flat_weights_names.extend(param_names)
                self._all_weights.append(param_names)

        self.reset_parameters()

    def flatten_parameters(self):
        # PyTorch compacts the weights only for cuDNN; on the CPU it returns at once.
        return None

    @property
    def _flat_weights(self):
        return [getattr(self, name) for name in self._flat_weights_names]

    @property
    def all_weights(self):
        return [[getattr(self, weight) for weight in weights] for weights in self._all_weights]

    def reset_parameters(self):
        stdv = 1.0 / math.sqrt(self.hidden_size) if self.hidden_size > 0 else 0
        for weight in self.parameters():
            init.uniform_(weight, -stdv, stdv)

    def extra_repr(self):
        s = f"{self.input_size}, {self.hidden_size}"
        if self.num_layers != 1:
            s += f", num_layers={self.num_layers}"
        if self.bias is not True:
            s += f", bias={self.bias}"
        if self.batch_first is not False:
            s += f", batch_first={self.batch_first}"
        if self.dropout != 0:
            s += f", dropout={self.dropout}"
        if self.bidirectional is not False:
            s += f", bidirectional={self.bidirectional}"
        return s

    def _cell(self, input, hx, weights):
        w_ih, w_hh = weights[0], weights[1]
        b_ih = weights[2] if self.bias else None
        b_hh = weights[3] if self.bias else None
        if self.mode == "LSTM":
            return _lstm_cell(input, hx, w_ih, w_hh, b_ih, b_hh)
        if self.mode == "GRU":
            return _gru_cell(input, hx, w_ih, w_hh, b_ih, b_hh)
        return _rnn_cell(input, hx, w_ih, w_hh, b_ih, b_hh, "tanh" if self.mode == "RNN_TANH" else "relu")

    def _run(self, input, hx):
        # input: (seq, batch, feature); hx: per layer and direction, a state (a tensor, or
        # (h, c) for LSTM). Returns the last layer's outputs and the final states.
        num_directions = 2 if self.bidirectional else 1
        finals = []
        layer_input = input
        steps = input.shape[0]
        for layer in range(self.num_layers):
            direction_outputs = []
            for direction in range(num_directions):
                index = layer * num_directions + direction
                state = hx[index]
                weights = [getattr(self, name) for name in self._all_weights[index]]
                if self.mode == "LSTM" and input.dtype == torch.float32:
                    # PyTorch's CPU kernel for float32 LSTMs: one op per layer and direction.
                    if self.bias:
                        b_ih, b_hh = weights[2], weights[3]
                    else:
                        b_ih = b_hh = torch.zeros(4 * self.hidden_size)
                    output, hy, cy, _ = torch.mkldnn_rnn_layer(
                        layer_input, weights[0], weights[1], b_ih, b_hh, state[0], state[1], direction == 1,
                        [], 2, self.hidden_size, self.num_layers, self.bias, self.bidirectional, False, self.training,
                    )
                    finals.append((hy, cy))
                    direction_outputs.append(output)
                    continue
                outputs = [None] * steps
                order = range(steps - 1, -1, -1) if direction == 1 else range(steps)
                for t in order:
                    state = self._cell(layer_input[t], state, weights)
                    outputs[t] = state[0] if self.mode == "LSTM" else state
                finals.append(state)
                direction_outputs.append(torch.stack(outputs))
            if num_directions == 1:
                layer_input = direction_outputs[0]
            else:
                layer_input = torch.cat(direction_outputs, 2)
            if self.dropout != 0 and self.training and layer < self.num_layers - 1:
                layer_input = F.dropout(layer_input, self.dropout, True)
        return layer_input, finals

    def _forward(self, input, hx):
        is_batched = input.dim() == 3
        batch_dim = 0 if self.batch_first else 1
        if input.dim() not in (2, 3):
            raise ValueError(f"{self.mode if self.mode in ('LSTM', 'GRU') else 'RNN'}: Expected input to be 2D or 3D, got {input.dim()}D tensor instead")
        if not is_batched:
            input = input.unsqueeze(batch_dim)
        if self.batch_first:
            input = input.transpose(0, 1)
        batch = input.shape[1]
        num_directions = 2 if self.bidirectional else 1
        layers = self.num_layers * num_directions
        if hx is None:
            zeros = torch.zeros(layers, batch, self.hidden_size, dtype=input.dtype)
            hx = (zeros, zeros) if self.mode == "LSTM" else zeros
        elif not is_batched:
            hx = (hx[0].unsqueeze(1), hx[1].unsqueeze(1)) if self.mode == "LSTM" else hx.unsqueeze(1)
        if self.mode == "LSTM":
            states = [(hx[0][i], hx[1][i]) for i in range(layers)]
        else:
            states = [hx[i] for i in range(layers)]
        output, finals = self._run(input, states)
        if self.mode == "LSTM":
            hidden = (torch.stack([s[0] for s in finals]), torch.stack([s[1] for s in finals]))
        else:
            hidden = torch.stack(finals)
        if self.batch_first:
            output = output.transpose(0, 1)
        if not is_batched:
            output = output.squeeze(batch_dim)
            if self.mode == "LSTM":
                hidden = (hidden[0].squeeze(1), hidden[1].squeeze(1))
            else:
                hidden = hidden.squeeze(1)
        return output, hidden


class RNN(RNNBase):
    r"""Applies a multi-layer Elman RNN with tanh or ReLU non-linearity to an input sequence."""

    def __init__(self, *args, **kwargs):
        if "proj_size" in kwargs:
            raise ValueError("proj_size argument is only supported for LSTM, not RNN or GRU")
        if len(args) > 3:
            self.nonlinearity = args[3]
            args = args[:3] + args[4:]
        else:
            self.nonlinearity = kwargs.pop("nonlinearity", "tanh")
        if self.nonlinearity == "tanh":
            mode = "RNN_TANH"
        elif self.nonlinearity == "relu":
            mode = "RNN_RELU"
        else:
            raise ValueError(f"Unknown nonlinearity '{self.nonlinearity}'. Select from 'tanh' or 'relu'.")
        super().__init__(mode, *args, **kwargs)

    def forward(self, input, hx=None):
        return self._forward(input, hx)


class LSTM(RNNBase):
    r"""Applies a multi-layer long short-term memory (LSTM) RNN to an input sequence."""

    def __init__(self, *args, **kwargs):
        super().__init__("LSTM", *args, **kwargs)

    def forward(self, input, hx=None):
        return self._forward(input, hx)


class GRU(RNNBase):
    r"""Applies a multi-layer gated recurrent unit (GRU) RNN to an input sequence."""

    def __init__(self, *args, **kwargs):
        if "proj_size" in kwargs:
            raise ValueError("proj_size argument is only supported for LSTM, not RNN or GRU")
        super().__init__("GRU", *args, **kwargs)

    def forward(self, input, hx=None):
        return self._forward(input, hx)


class RNNCellBase(Module):
    r"""Base class for the single-step cells (RNNCell, LSTMCell, GRUCell)."""

    def __init__(self, input_size, hidden_size, bias, num_chunks, device=None, dtype=None):
        super().__init__()
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.bias = bias
        self.weight_ih = Parameter(torch.empty((num_chunks * hidden_size, input_size), dtype=dtype))
        self.weight_hh = Parameter(torch.empty((num_chunks * hidden_size, hidden_size), dtype=dtype))
        if bias:
            self.bias_ih = Parameter(torch.empty(num_chunks * hidden_size, dtype=dtype))
            self.bias_hh = Parameter(torch.empty(num_chunks * hidden_size, dtype=dtype))
        else:
            self.register_parameter("bias_ih", None)
            self.register_parameter("bias_hh", None)
        self.reset_parameters()

    def extra_repr(self):
        s = f"{self.input_size}, {self.hidden_size}"
        if self.bias is not True:
            s += f", bias={self.bias}"
        if getattr(self, "nonlinearity", "tanh") != "tanh":
            s += f", nonlinearity={self.nonlinearity}"
        return s

    def reset_parameters(self):
        stdv = 1.0 / math.sqrt(self.hidden_size) if self.hidden_size > 0 else 0
        for weight in self.parameters():
            init.uniform_(weight, -stdv, stdv)

    def _batched(self, input, hx, zeros_count):
        is_batched = input.dim() == 2
        if not is_batched:
            input = input.unsqueeze(0)
        if hx is None:
            zeros = torch.zeros(input.shape[0], self.hidden_size, dtype=input.dtype)
            hx = zeros if zeros_count == 1 else (zeros, zeros)
        elif not is_batched:
            hx = hx.unsqueeze(0) if zeros_count == 1 else (hx[0].unsqueeze(0), hx[1].unsqueeze(0))
        return input, hx, is_batched


class RNNCell(RNNCellBase):
    r"""An Elman RNN cell with tanh or ReLU non-linearity."""

    def __init__(self, input_size, hidden_size, bias=True, nonlinearity="tanh", device=None, dtype=None):
        super().__init__(input_size, hidden_size, bias, num_chunks=1, dtype=dtype)
        self.nonlinearity = nonlinearity

    def forward(self, input, hx=None):
        input, hx, is_batched = self._batched(input, hx, 1)
        ret = _rnn_cell(input, hx, self.weight_ih, self.weight_hh, self.bias_ih, self.bias_hh, self.nonlinearity)
        return ret if is_batched else ret.squeeze(0)


class LSTMCell(RNNCellBase):
    r"""A long short-term memory (LSTM) cell."""

    def __init__(self, input_size, hidden_size, bias=True, device=None, dtype=None):
        super().__init__(input_size, hidden_size, bias, num_chunks=4, dtype=dtype)

    def forward(self, input, hx=None):
        input, hx, is_batched = self._batched(input, hx, 2)
        hy, cy = _lstm_cell(input, hx, self.weight_ih, self.weight_hh, self.bias_ih, self.bias_hh)
        return (hy, cy) if is_batched else (hy.squeeze(0), cy.squeeze(0))


class GRUCell(RNNCellBase):
    r"""A gated recurrent unit (GRU) cell."""

    def __init__(self, input_size, hidden_size, bias=True, device=None, dtype=None):
        super().__init__(input_size, hidden_size, bias, num_chunks=3, dtype=dtype)

    def forward(self, input, hx=None):
        input, hx, is_batched = self._batched(input, hx, 1)
        ret = _gru_cell(input, hx, self.weight_ih, self.weight_hh, self.bias_ih, self.bias_hh)
        return ret if is_batched else ret.squeeze(0)
