import Foundation

/// One LSTM layer over a whole sequence, as PyTorch's CPU kernel for float32 LSTMs runs it
/// (`mkldnn_rnn_layer`, MkldnnRnnLayerBackward0): `nn.LSTM` calls it once per layer and
/// direction, so its outputs print PyTorch's grad_fn. The backward is backpropagation through
/// time over the gate activations the forward keeps.
enum RecurrentOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "mkldnn_rnn_layer(Tensor input, Tensor weight0, Tensor weight1, Tensor weight2, Tensor weight3, Tensor hx_, Tensor cx_, bool reverse, int[] batch_sizes, int mode, int hidden_size, int num_layers, bool has_biases, bool bidirectional, bool batch_first, bool train) -> (Tensor, Tensor, Tensor, Tensor)",
            gradFn: "MkldnnRnnLayerBackward0", exposure: [.torch],
            samples: OpSamples(
                shapes: [
                    "input": [3, 2, 3], "weight0": [8, 3], "weight1": [8, 2], "weight2": [8], "weight3": [8],
                    "hx_": [2, 2], "cx_": [2, 2]
                ],
                arguments: [
                    "reverse": .bool(false), "batch_sizes": .intList([]), "mode": .int(2), "hidden_size": .int(2),
                    "num_layers": .int(1), "has_biases": .bool(true), "bidirectional": .bool(false),
                    "batch_first": .bool(false), "train": .bool(true)
                ]),
            returningTuple: {
                let r = try Tensor.lstmLayer(
                    $0.tensor("input"), weightIH: $0.tensor("weight0"), weightHH: $0.tensor("weight1"),
                    biasIH: $0.tensor("weight2"), biasHH: $0.tensor("weight3"), hx: $0.tensor("hx_"), cx: $0.tensor("cx_"),
                    reverse: $0.bool("reverse"))
                return [r.output, r.hy, r.cy, r.workspace]
            })
    ]
}

/// What an LSTM layer's forward keeps for its backward: per step, the gate activations
/// (input, forget, cell, output; each `[batch, hidden]`) and the cell state after the step.
private struct LSTMTrace: Sendable {
    var gates: [[Double]] = []
    var cells: [[Double]] = []
}

extension Tensor {
    /// An LSTM layer: `input` `[seq, batch, in]`, weights `[4*hidden, in]` and
    /// `[4*hidden, hidden]`, biases `[4*hidden]`, initial states `[batch, hidden]`; `reverse`
    /// runs the sequence backwards. Returns every step's hidden state, the final states, and an
    /// (empty) workspace tensor standing for PyTorch's.
    public static func lstmLayer(
        _ input: Tensor, weightIH: Tensor, weightHH: Tensor, biasIH: Tensor?, biasHH: Tensor?, hx: Tensor, cx: Tensor,
        reverse: Bool = false
    ) throws -> (output: Tensor, hy: Tensor, cy: Tensor, workspace: Tensor) {
        guard input.dim == 3, weightIH.dim == 2, weightHH.dim == 2, hx.dim == 2, cx.dim == 2 else {
            throw TorchError.runtime("mkldnn_rnn_layer: expected a 3-D input, 2-D weights and 2-D states")
        }
        let (steps, batch, inputSize) = (input.shape[0], input.shape[1], input.shape[2])
        let hidden = weightHH.shape[1]
        guard weightIH.shape == [4 * hidden, inputSize], weightHH.shape == [4 * hidden, hidden],
            hx.shape == [batch, hidden], cx.shape == [batch, hidden]
        else {
            throw TorchError.runtime("mkldnn_rnn_layer: input, weight and state shapes do not match")
        }
        let x = input.doubles()
        let (wIH, wHH) = (weightIH.doubles(), weightHH.doubles())
        var bias = [Double](repeating: 0, count: 4 * hidden)
        for b in [biasIH, biasHH].compactMap({ $0 }) {
            for (k, v) in b.doubles().enumerated() { bias[k] += v }
        }
        var h = hx.doubles()
        var c = cx.doubles()
        var output = [Double](repeating: 0, count: steps * batch * hidden)
        var trace = LSTMTrace()
        for step in 0..<steps {
            let t = reverse ? steps - 1 - step : step
            var gates = [Double](repeating: 0, count: batch * 4 * hidden)
            for b in 0..<batch {
                for g in 0..<(4 * hidden) {
                    var s = bias[g]
                    for k in 0..<inputSize { s += wIH[g * inputSize + k] * x[(t * batch + b) * inputSize + k] }
                    for k in 0..<hidden { s += wHH[g * hidden + k] * h[b * hidden + k] }
                    let isCellGate = g >= 2 * hidden && g < 3 * hidden
                    gates[b * 4 * hidden + g] = isCellGate ? Foundation.tanh(s) : 1 / (1 + Foundation.exp(-s))
                }
                for k in 0..<hidden {
                    let row = b * 4 * hidden
                    let (i, f) = (gates[row + k], gates[row + hidden + k])
                    let (g, o) = (gates[row + 2 * hidden + k], gates[row + 3 * hidden + k])
                    c[b * hidden + k] = f * c[b * hidden + k] + i * g
                    h[b * hidden + k] = o * Foundation.tanh(c[b * hidden + k])
                    output[(t * batch + b) * hidden + k] = h[b * hidden + k]
                }
            }
            trace.gates.append(gates)
            trace.cells.append(c)
        }
        let dtype = input.dtype
        let out = Tensor.fromValues(output, shape: [steps, batch, hidden], dtype: dtype)
        let hy = Tensor.fromValues(h, shape: [batch, hidden], dtype: dtype)
        let cy = Tensor.fromValues(c, shape: [batch, hidden], dtype: dtype)
        let workspace = Tensor.zeros([0], dtype: dtype)
        let shapes = [input.shape, weightIH.shape, weightHH.shape, biasIH?.shape, biasHH?.shape]
        record(
            "mkldnn_rnn_layer", .mkldnnRnnLayerBackward0,
            inputs: [input, weightIH, weightHH, biasIH, biasHH, hx, cx], outputs: [out, hy, cy],
            saving: [
                .input("input", input), .input("weight0", weightIH), .input("weight1", weightHH),
                .input("hx_", hx), .input("cx_", cx)
            ]
        ) { ctx in
            let grads = try lstmLayerBackward(
                ctx.grads.map { $0.doubles() }, input: ctx.saved(0).doubles(), weightIH: ctx.saved(1).doubles(),
                weightHH: ctx.saved(2).doubles(), hx: ctx.saved(3).doubles(), cx: ctx.saved(4).doubles(), trace: trace,
                sizes: (steps, batch, inputSize, hidden), reverse: reverse)
            return zip(grads, shapes).map { values, shape in
                shape.map { Tensor.fromValues(values, shape: $0, dtype: dtype) }
            } + [
                Tensor.fromValues(grads[5], shape: [batch, hidden], dtype: dtype),
                Tensor.fromValues(grads[6], shape: [batch, hidden], dtype: dtype)
            ]
        }
        return (out, hy, cy, workspace)
    }

    /// Backpropagation through time for `lstmLayer`: `grads` are the gradients of the output,
    /// final hidden and final cell state; returns those of input, both weights, both biases
    /// and both initial states.
    private static func lstmLayerBackward(
        _ grads: [[Double]], input x: [Double], weightIH wIH: [Double], weightHH wHH: [Double], hx: [Double],
        cx: [Double], trace: LSTMTrace, sizes: (steps: Int, batch: Int, input: Int, hidden: Int), reverse: Bool
    ) throws -> [[Double]] {
        let (steps, batch, inputSize, hidden) = sizes
        var dx = [Double](repeating: 0, count: x.count)
        var dwIH = [Double](repeating: 0, count: wIH.count)
        var dwHH = [Double](repeating: 0, count: wHH.count)
        var dBias = [Double](repeating: 0, count: 4 * hidden)
        var dh = grads[1]
        var dc = grads[2]
        for step in stride(from: steps - 1, through: 0, by: -1) {
            let t = reverse ? steps - 1 - step : step
            let gates = trace.gates[step]
            let cell = trace.cells[step]
            let previousCell = step > 0 ? trace.cells[step - 1] : cx
            var previousHidden = hx
            if step > 0 {
                for b in 0..<batch {
                    for k in 0..<hidden {
                        let gate = trace.gates[step - 1][b * 4 * hidden + 3 * hidden + k]
                        previousHidden[b * hidden + k] = gate * Foundation.tanh(trace.cells[step - 1][b * hidden + k])
                    }
                }
            }
            var dGates = [Double](repeating: 0, count: batch * 4 * hidden)
            for b in 0..<batch {
                for k in 0..<hidden {
                    let j = b * hidden + k
                    let row = b * 4 * hidden
                    let (i, f) = (gates[row + k], gates[row + hidden + k])
                    let (g, o) = (gates[row + 2 * hidden + k], gates[row + 3 * hidden + k])
                    let dhj = dh[j] + grads[0][(t * batch + b) * hidden + k]
                    let tc = Foundation.tanh(cell[j])
                    let dcj = dc[j] + dhj * o * (1 - tc * tc)
                    dGates[row + k] = dcj * g * i * (1 - i)
                    dGates[row + hidden + k] = dcj * previousCell[j] * f * (1 - f)
                    dGates[row + 2 * hidden + k] = dcj * i * (1 - g * g)
                    dGates[row + 3 * hidden + k] = dhj * tc * o * (1 - o)
                    dc[j] = dcj * f
                }
            }
            dh = [Double](repeating: 0, count: batch * hidden)
            for b in 0..<batch {
                for gate in 0..<(4 * hidden) {
                    let d = dGates[b * 4 * hidden + gate]
                    dBias[gate] += d
                    for k in 0..<inputSize {
                        dwIH[gate * inputSize + k] += d * x[(t * batch + b) * inputSize + k]
                        dx[(t * batch + b) * inputSize + k] += d * wIH[gate * inputSize + k]
                    }
                    for k in 0..<hidden {
                        dwHH[gate * hidden + k] += d * previousHidden[b * hidden + k]
                        dh[b * hidden + k] += d * wHH[gate * hidden + k]
                    }
                }
            }
        }
        return [dx, dwIH, dwHH, dBias, dBias, dh, dc]
    }
}

extension NodeKind {
    static let mkldnnRnnLayerBackward0 = NodeKind("MkldnnRnnLayerBackward0")
}
