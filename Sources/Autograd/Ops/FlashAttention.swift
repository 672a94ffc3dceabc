import Foundation

/// `torch._scaled_dot_product_flash_attention_for_cpu`, the kernel `F.scaled_dot_product_attention`
/// runs for 4-D float inputs on CPU (ScaledDotProductFlashAttentionForCpuBackward0). Per batch and
/// head, in the input's own precision, it follows the order of aten's `cpu_flash_attention` for
/// one key block: scores `q·k * scale` (plus the additive mask), the row maximum, `exp(s - max)`
/// summed in key order, the weighted sum of values in key order, then one multiplication by the
/// reciprocal of the row sum; `logsumexp` is `max + log(sum)`. The backward recomputes the
/// probabilities from the saved inputs and logsumexp, as `cpu_flash_attention_backward` does.
enum FlashAttentionOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "_scaled_dot_product_flash_attention_for_cpu(Tensor query, Tensor key, Tensor value, float dropout_p=0.0, bool is_causal=False, *, Tensor? attn_mask=None, float? scale=None) -> (Tensor output, Tensor logsumexp)",
            gradFn: "ScaledDotProductFlashAttentionForCpuBackward0", exposure: [.torch],
            samples: OpSamples(shapes: ["query": [1, 2, 3, 4], "key": [1, 2, 5, 4], "value": [1, 2, 5, 3]]),
            returningTuple: {
                let r = try Tensor.flashAttention(
                    $0.tensor("query"), $0.tensor("key"), $0.tensor("value"), dropoutP: $0.double("dropout_p"),
                    isCausal: $0.bool("is_causal"), mask: $0.optionalTensor("attn_mask"), scale: $0.optionalDouble("scale"))
                return [r.output, r.logsumexp]
            })
    ]
}

/// The floating types the attention kernel computes in, with their C library `exp` and `log`.
private protocol AttentionFloat: BinaryFloatingPoint {
    static func exponential(_ x: Self) -> Self
    static func logarithm(_ x: Self) -> Self
}

extension Float: AttentionFloat {
    fileprivate static func exponential(_ x: Float) -> Float { expf(x) }
    fileprivate static func logarithm(_ x: Float) -> Float { logf(x) }
}

extension Double: AttentionFloat {
    fileprivate static func exponential(_ x: Double) -> Double { exp(x) }
    fileprivate static func logarithm(_ x: Double) -> Double { log(x) }
}

/// Sizes of one attention call: `batch` (batch times heads), `queries`, `keys`, the query/key
/// width `width` and the value width `valueWidth`.
private struct AttentionShape {
    let batch: Int
    let queries: Int
    let keys: Int
    let width: Int
    let valueWidth: Int
}

/// The scores of one batch slice, masked and scaled, as the kernel forms them.
private struct AttentionScores<T: AttentionFloat> {
    let query: [T]
    let key: [T]
    let mask: [T]?
    let causal: Bool
    let scale: T
    let shape: AttentionShape

    /// The score of query `i` against key `j` in slice `b`; -inf where masked out.
    func score(_ b: Int, _ i: Int, _ j: Int) -> T {
        if causal && j > i { return -T.infinity }
        let w = shape.width
        let q = (b * shape.queries + i) * w
        let k = (b * shape.keys + j) * w
        var dot: T = 0
        for c in 0..<w { dot += query[q + c] * key[k + c] }
        var s = dot * scale
        if let mask { s += mask[(b * shape.queries + i) * shape.keys + j] }
        return s
    }
}

extension Tensor {
    /// `torch._scaled_dot_product_flash_attention_for_cpu(query, key, value, dropout_p, is_causal,
    /// attn_mask=, scale=)`: 4-D `[batch, heads, length, width]` inputs, an additive float mask
    /// broadcastable to `[batch, heads, queries, keys]`; returns the output and the per-row
    /// logsumexp (`[batch, heads, queries]`, float32 or float64 as the inputs).
    public static func flashAttention(
        _ query: Tensor, _ key: Tensor, _ value: Tensor, dropoutP: Double = 0, isCausal: Bool = false, mask: Tensor? = nil,
        scale: Double? = nil
    ) throws -> (output: Tensor, logsumexp: Tensor) {
        let shape = try attentionShape(query, key, value)
        guard dropoutP == 0 else {
            throw TorchError.runtime("GradScope's flash attention for CPU does not support dropout_p > 0")
        }
        let factor = scale ?? 1 / Double(shape.width).squareRoot()
        let dims = Array(query.shape.prefix(2))
        let maskValues = try mask.map { m -> [Double] in
            guard m.dtype.isFloatingPoint else {
                throw TorchError.runtime("scaled_dot_product_attention: expected attn_mask dtype to be bool or float")
            }
            return try GradMode.noGrad { try m.expand(dims + [shape.queries, shape.keys]).doubles() }
        }
        let (out, lse): ([Double], [Double])
        switch query.dtype {
        case .float32:
            (out, lse) = attentionForward(
                scores(Float.self, query, key, maskValues, isCausal, factor, shape), value.doubles().map { Float($0) })
        case .float64:
            (out, lse) = attentionForward(scores(Double.self, query, key, maskValues, isCausal, factor, shape), value.doubles())
        default:
            throw TorchError.runtime("\"flash_attention\" not implemented for '\(query.dtype.scalarTypeName)'")
        }
        let output = Tensor.fromValues(out, shape: dims + [shape.queries, shape.valueWidth], dtype: query.dtype)
        let logsumexp = Tensor.fromValues(lse, shape: dims + [shape.queries], dtype: query.dtype)
        record(
            "_scaled_dot_product_flash_attention_for_cpu", .scaledDotProductFlashAttentionForCpuBackward0,
            inputs: [query, key, value], outputs: [output], observed: [query, key, value, mask],
            saving: [
                .input("query", query), .input("key", key), .input("value", value), .input("attn_mask", mask),
                .output("output", 0), .input("logsumexp", logsumexp)
            ],
            keeping: [
                ("dropout_p", .scalar(.double(dropoutP))), ("is_causal", .bool(isCausal)),
                ("scale", .scalar(.double(factor)))
            ]
        ) { ctx in
            let q = try ctx.saved("query")
            let k = try ctx.saved("key")
            let v = try ctx.saved("value")
            let grads = try attentionBackward(
                ctx.grad, q, k, v, output: ctx.saved("output"), logsumexp: ctx.saved("logsumexp"), mask: maskValues,
                isCausal: isCausal, scale: factor, shape: shape)
            return [
                ctx.needsGrad(0) ? Tensor.fromValues(grads.query, shape: q.shape, dtype: ctx.grad.dtype) : nil,
                ctx.needsGrad(1) ? Tensor.fromValues(grads.key, shape: k.shape, dtype: ctx.grad.dtype) : nil,
                ctx.needsGrad(2) ? Tensor.fromValues(grads.value, shape: v.shape, dtype: ctx.grad.dtype) : nil
            ]
        }
        return (output, logsumexp)
    }

    /// Checks the inputs (4-D, one dtype, matching batch, heads and widths) and reads their sizes.
    private static func attentionShape(_ query: Tensor, _ key: Tensor, _ value: Tensor) throws -> AttentionShape {
        guard query.dim == 4, key.dim == 4, value.dim == 4 else {
            throw TorchError.runtime(
                "scaled_dot_product_attention_flash_attention: Expected query, key and value to be 4-D tensors, but got query.dim() = \(query.dim), key.dim() = \(key.dim) and value.dim() = \(value.dim)"
            )
        }
        guard query.dtype == key.dtype, query.dtype == value.dtype else {
            throw TorchError.runtime(
                "Expected query, key, and value to have the same dtype, but got query.dtype: \(query.dtype.name) key.dtype: \(key.dtype.name) and value.dtype: \(value.dtype.name) instead."
            )
        }
        guard query.shape[0] == key.shape[0], key.shape[0] == value.shape[0], query.shape[1] == key.shape[1],
            key.shape[1] == value.shape[1], query.shape[3] == key.shape[3], key.shape[2] == value.shape[2]
        else {
            throw TorchError.runtime(
                "scaled_dot_product_attention: query \(query.shape), key \(key.shape) and value \(value.shape) do not match")
        }
        return AttentionShape(
            batch: query.shape[0] * query.shape[1], queries: query.shape[2], keys: key.shape[2], width: query.shape[3],
            valueWidth: value.shape[3])
    }

    /// The score maker of one call in precision `T`.
    private static func scores<T: AttentionFloat>(
        _: T.Type, _ query: Tensor, _ key: Tensor, _ mask: [Double]?, _ causal: Bool, _ scale: Double, _ shape: AttentionShape
    ) -> AttentionScores<T> {
        AttentionScores(
            query: query.doubles().map { T($0) }, key: key.doubles().map { T($0) }, mask: mask?.map { T($0) }, causal: causal,
            scale: T(scale), shape: shape)
    }

    /// The forward of every slice: the output values and each row's logsumexp, as Doubles.
    private static func attentionForward<T: AttentionFloat>(_ scores: AttentionScores<T>, _ value: [T]) -> ([Double], [Double]) {
        let shape = scores.shape
        let vw = shape.valueWidth
        var out = [Double](repeating: 0, count: shape.batch * shape.queries * vw)
        var lse = [Double](repeating: 0, count: shape.batch * shape.queries)
        var row = [T](repeating: 0, count: shape.keys)
        var acc = [T](repeating: 0, count: vw)
        for b in 0..<shape.batch {
            for i in 0..<shape.queries {
                var maximum = -T.infinity
                for j in 0..<shape.keys {
                    row[j] = scores.score(b, i, j)
                    maximum = Swift.max(maximum, row[j])
                }
                var sum: T = 0
                for j in 0..<shape.keys {
                    row[j] = maximum == -T.infinity ? 0 : T.exponential(row[j] - maximum)
                    sum += row[j]
                }
                for c in 0..<vw { acc[c] = 0 }
                for j in 0..<shape.keys {
                    let v = (b * shape.keys + j) * vw
                    for c in 0..<vw { acc[c] += row[j] * value[v + c] }
                }
                let reciprocal = 1 / sum
                let o = (b * shape.queries + i) * vw
                for c in 0..<vw { out[o + c] = Double(acc[c] * reciprocal) }
                lse[b * shape.queries + i] = Double(maximum + T.logarithm(sum))
            }
        }
        return (out, lse)
    }

    /// The gradients of query, key and value (as Doubles in their shapes' order), computed in the
    /// inputs' precision from the probabilities `exp(score - logsumexp)`.
    private static func attentionBackward(
        _ grad: Tensor, _ query: Tensor, _ key: Tensor, _ value: Tensor, output: Tensor, logsumexp: Tensor, mask: [Double]?,
        isCausal: Bool, scale: Double, shape: AttentionShape
    ) throws -> (query: [Double], key: [Double], value: [Double]) {
        func run<T: AttentionFloat>(_: T.Type) -> (query: [Double], key: [Double], value: [Double]) {
            attentionGradients(
                scores(T.self, query, key, mask, isCausal, scale, shape), value: value.doubles().map { T($0) },
                output: output.doubles().map { T($0) }, logsumexp: logsumexp.doubles().map { T($0) },
                grad: grad.doubles().map { T($0) })
        }
        switch query.dtype {
        case .float32: return run(Float.self)
        default: return run(Double.self)
        }
    }

    /// `dV = Pᵀ dO`, `dS = P ∘ (dO Vᵀ - rowsum(dO ∘ O))`, `dQ = scale dS K`, `dK = scale dSᵀ Q` per slice.
    private static func attentionGradients<T: AttentionFloat>(
        _ scores: AttentionScores<T>, value: [T], output: [T], logsumexp: [T], grad: [T]
    ) -> (query: [Double], key: [Double], value: [Double]) {
        let shape = scores.shape
        let (w, vw) = (shape.width, shape.valueWidth)
        var dq = [T](repeating: 0, count: shape.batch * shape.queries * w)
        var dk = [T](repeating: 0, count: shape.batch * shape.keys * w)
        var dv = [T](repeating: 0, count: shape.batch * shape.keys * vw)
        for b in 0..<shape.batch {
            for i in 0..<shape.queries {
                let row = b * shape.queries + i
                let o = row * vw
                var delta: T = 0
                for c in 0..<vw { delta += grad[o + c] * output[o + c] }
                for j in 0..<shape.keys {
                    let s = scores.score(b, i, j)
                    let p = s == -T.infinity ? 0 : T.exponential(s - logsumexp[row])
                    let v = (b * shape.keys + j) * vw
                    var dp: T = 0
                    for c in 0..<vw {
                        dp += grad[o + c] * value[v + c]
                        dv[v + c] += p * grad[o + c]
                    }
                    let ds = p * (dp - delta) * scores.scale
                    let q = row * w
                    let k = (b * shape.keys + j) * w
                    for c in 0..<w {
                        dq[q + c] += ds * scores.key[k + c]
                        dk[k + c] += ds * scores.query[q + c]
                    }
                }
            }
        }
        return (dq.map { Double($0) }, dk.map { Double($0) }, dv.map { Double($0) })
    }
}

extension NodeKind {
    static let scaledDotProductFlashAttentionForCpuBackward0 = NodeKind("ScaledDotProductFlashAttentionForCpuBackward0")
}
