# RNN, LSTM and GRU (and their cells), after PyTorch's torch/nn/modules/rnn.py: the same
# parameters, names, initialisation order and repr. A float32 LSTM runs one op per layer and
# direction (torch.mkldnn_rnn_layer, as PyTorch's CPU kernel); other recurrences are written
# with tensor ops (linear, sigmoid, tanh, slices, stack), as PyTorch's CPU fallback computes them;
# a PackedSequence runs through ATen's packed layers, step by step over the shrinking batch.
import math

import torch
import torch.nn.functional as F
from torch.nn import init
from torch.nn.modules.module import Module
from torch.nn.parameter import Parameter
from torch.nn.utils.rnn import PackedSequence


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


def _packed_cell(mode, input_w, hidden, w_hh, b_hh):
    # ATen's CPU cells (aten/src/ATen/native/RNN.cpp) with the input's linear map precomputed:
    # the same ops in the same order, in place where ATen works in place.
    if mode == "LSTM":
        hx, cx = hidden
        gates = F.linear(hx, w_hh, b_hh).add_(input_w)
        chunked_gates = gates.unsafe_chunk(4, 1)
        ingate = chunked_gates[0].sigmoid_()
        forgetgate = chunked_gates[1].sigmoid_()
        cellgate = chunked_gates[2].tanh_()
        outgate = chunked_gates[3].sigmoid_()
        cy = (forgetgate * cx).add_(ingate * cellgate)
        hy = outgate * cy.tanh()
        return hy, cy
    if mode == "GRU":
        chunked_igates = input_w.unsafe_chunk(3, 1)
        chunked_hgates = F.linear(hidden, w_hh, b_hh).unsafe_chunk(3, 1)
        reset_gate = chunked_hgates[0].add_(chunked_igates[0]).sigmoid_()
        input_gate = chunked_hgates[1].add_(chunked_igates[1]).sigmoid_()
        new_gate = chunked_igates[2].add(chunked_hgates[2].mul_(reset_gate)).tanh_()
        return (hidden - new_gate).mul_(input_gate).add_(new_gate)
    pre = F.linear(hidden, w_hh, b_hh).add_(input_w)
    return torch.tanh(pre) if mode == "RNN_TANH" else torch.relu(pre)


def _hidden_slice(mode, hidden, start, end):
    if mode == "LSTM":
        return (hidden[0].narrow(0, start, end - start), hidden[1].narrow(0, start, end - start))
    return hidden.narrow(0, start, end - start)


def _hidden_concat(mode, hiddens):
    if mode == "LSTM":
        return (torch.cat([h[0] for h in hiddens], 0), torch.cat([h[1] for h in hiddens], 0))
    return torch.cat(hiddens, 0)


def _packed_layer(mode, data, batch_sizes, hidden, weights, has_bias):
    # ATen's PackedLayer: as sequences end, their final states are set aside.
    w_ih, w_hh = weights[0], weights[1]
    b_ih = weights[2] if has_bias else None
    b_hh = weights[3] if has_bias else None
    input_w = F.linear(data, w_ih, b_ih)
    step_outputs = []
    hiddens = []
    input_offset = 0
    last_batch_size = batch_sizes[0]
    for batch_size in batch_sizes:
        step_input = input_w.narrow(0, input_offset, batch_size)
        input_offset += batch_size
        dec = last_batch_size - batch_size
        if dec > 0:
            hiddens.append(_hidden_slice(mode, hidden, last_batch_size - dec, last_batch_size))
            hidden = _hidden_slice(mode, hidden, 0, last_batch_size - dec)
        last_batch_size = batch_size
        hidden = _packed_cell(mode, step_input, hidden, w_hh, b_hh)
        step_outputs.append(hidden[0] if mode == "LSTM" else hidden)
    hiddens.append(hidden)
    hiddens.reverse()
    return torch.cat(step_outputs, 0), _hidden_concat(mode, hiddens)


def _reversed_packed_layer(mode, data, batch_sizes, input_hidden, weights, has_bias):
    # ATen's ReversedPackedLayer: from the last step back, sequences join as they start.
    w_ih, w_hh = weights[0], weights[1]
    b_ih = weights[2] if has_bias else None
    b_hh = weights[3] if has_bias else None
    input_w = F.linear(data, w_ih, b_ih)
    step_outputs = []
    input_offset = data.size(0)
    last_batch_size = batch_sizes[-1]
    hidden = _hidden_slice(mode, input_hidden, 0, batch_sizes[-1])
    for batch_size in reversed(batch_sizes):
        if batch_size > last_batch_size:
            hidden = _hidden_concat(mode, [hidden, _hidden_slice(mode, input_hidden, last_batch_size, batch_size)])
        step_input = input_w.narrow(0, input_offset - batch_size, batch_size)
        input_offset -= batch_size
        last_batch_size = batch_size
        hidden = _packed_cell(mode, step_input, hidden, w_hh, b_hh)
        step_outputs.append(hidden[0] if mode == "LSTM" else hidden)
    step_outputs.reverse()
    return torch.cat(step_outputs, 0), hidden


def _packed_rnn(module, data, batch_sizes, hx):
    # ATen's _rnn_impl over packed input: layer by layer (both directions for bidirectional),
    # dropout on each layer's output but the last's while training; the final states stacked.
    mode = module.mode
    num_directions = 2 if module.bidirectional else 1
    if mode == "LSTM":
        states = [(h, c) for h, c in zip(hx[0].unbind(0), hx[1].unbind(0))]
    else:
        states = list(hx.unbind(0))
    finals = []
    layer_input = data
    for layer in range(module.num_layers):
        outputs = []
        for direction in range(num_directions):
            index = layer * num_directions + direction
            weights = [getattr(module, name) for name in module._all_weights[index]]
            run = _reversed_packed_layer if direction == 1 else _packed_layer
            output, final = run(mode, layer_input, batch_sizes, states[index], weights, module.bias)
            outputs.append(output)
            finals.append(final)
        layer_input = outputs[0] if num_directions == 1 else torch.cat(outputs, -1)
        if module.dropout != 0 and module.training and layer < module.num_layers - 1:
            layer_input = F.dropout(layer_input, module.dropout, True)
    if mode == "LSTM":
        return layer_input, (torch.stack([f[0] for f in finals], 0), torch.stack([f[1] for f in finals], 0))
    return layer_input, torch.stack(finals, 0)


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

    def permute_hidden(self, hx, permutation):
        if permutation is None:
            return hx
        if self.mode == "LSTM":
            return (hx[0].index_select(1, permutation), hx[1].index_select(1, permutation))
        return hx.index_select(1, permutation)

    def _forward_packed(self, input, hx):
        # PyTorch's forward for a PackedSequence: the states follow the sorted batch order in,
        # and the caller's order out.
        data, batch_sizes, sorted_indices, unsorted_indices = input
        max_batch_size = int(batch_sizes[0])
        layers = self.num_layers * (2 if self.bidirectional else 1)
        if hx is None:
            h_zeros = torch.zeros(layers, max_batch_size, self.hidden_size, dtype=data.dtype)
            if self.mode == "LSTM":
                hx = (h_zeros, torch.zeros(layers, max_batch_size, self.hidden_size, dtype=data.dtype))
            else:
                hx = h_zeros
        else:
            hx = self.permute_hidden(hx, sorted_indices)
        output, hidden = _packed_rnn(self, data, batch_sizes.tolist(), hx)
        return PackedSequence(output, batch_sizes, sorted_indices, unsorted_indices), self.permute_hidden(
            hidden, unsorted_indices)

    def _forward(self, input, hx):
        if isinstance(input, PackedSequence):
            return self._forward_packed(input, hx)
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
