/// `torch._safe_softmax`, the softmax of `scaled_dot_product_attention`'s math path
/// (SafeSoftmaxBackward0): softmax along `dim`, with 0 instead of NaN in the slices whose every
/// input is -inf (a fully masked query row); the backward is softmax's.
enum SafeSoftmaxOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "_safe_softmax(Tensor self, int dim) -> Tensor", gradFn: "SafeSoftmaxBackward0", exposure: [.torch],
            forward: { try $0.tensor("self").safeSoftmax(dim: $0.int("dim")) })
    ]
}

extension Tensor {
    /// `torch._safe_softmax(self, dim)`: `softmax(self, dim)` where a slice of all -inf gives zeros.
    public func safeSoftmax(dim dimension: Int) throws -> Tensor {
        let d = try normalizeDim(dimension, rank: dim)
        var out = try softmaxValues(d, log: false)
        let n = shape.isEmpty ? 1 : shape[d]
        let inner = shape.isEmpty ? 1 : shape[(d + 1)...].reduce(1, *)
        let outer = numel / Swift.max(n * inner, 1)
        let input = doubles()
        var values = out.doubles()
        var changed = false
        for o in 0..<outer {
            for i in 0..<inner where n > 0 {
                let slice = (0..<n).map { (o * n + $0) * inner + i }
                guard slice.allSatisfy({ input[$0] == -Double.infinity }) else { continue }
                for k in slice { values[k] = 0 }
                changed = true
            }
        }
        if changed { out = Tensor.fromValues(values, shape: shape, dtype: dtype) }
        record(
            "_safe_softmax", .safeSoftmaxBackward0, inputs: [self], outputs: [out], saving: [.output("result", 0)],
            keeping: [("dim", .int(d))]
        ) { ctx in
            [try Tensor.softmaxBackwardData(ctx.grad, output: ctx.saved(0), dim: d, log: false)]
        }
        return out
    }
}

extension NodeKind {
    static let safeSoftmaxBackward0 = NodeKind("SafeSoftmaxBackward0")
}
