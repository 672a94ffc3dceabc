/// `Tensor.unfold(dimension, size, step)`: a view of every `size`-long window along
/// `dimension`, `step` apart, as a new last dim (UnfoldBackward0). The backward adds each
/// window's gradient back into its place; it is not itself recorded (no double backward).
enum UnfoldOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "unfold(Tensor self, int dimension, int size, int step) -> Tensor", gradFn: "UnfoldBackward0",
            exposure: [.method], samples: OpSamples(arguments: ["dimension": .int(1), "size": .int(2), "step": .int(1)]),
            forward: { try $0.tensor("self").unfold($0.int("dimension"), size: $0.int("size"), step: $0.int("step")) })
    ]
}

extension Tensor {
    /// The windows of `size` elements along `dimension`, `step` apart, as a view whose last dim
    /// runs over each window.
    public func unfold(_ dimension: Int, size: Int, step: Int) throws -> Tensor {
        let d = dim == 0 ? 0 : try normalizeDim(dimension, rank: dim)
        let length = dim == 0 ? 1 : shape[d]
        guard size <= length else {
            throw TorchError.runtime("maximum size for tensor at dimension \(d) is \(length) but size is \(size)")
        }
        guard step > 0 else { throw TorchError.runtime("step is \(step) but must be > 0") }
        var newShape = shape
        var newStrides = strides
        let stride = dim == 0 ? 1 : strides[d]
        if dim > 0 {
            newShape[d] = (length - size) / step + 1
            newStrides[d] = stride * step
        }
        newShape.append(size)
        newStrides.append(stride)
        let inputShape = shape
        return makeView(shape: newShape, strides: newStrides, op: "unfold", backward: .unfoldBackward0) { ctx in
            let grad = ctx.grad
            let out = Tensor.zeros(inputShape, dtype: grad.dtype)
            try GradMode.noGrad {
                guard !inputShape.isEmpty else {
                    try out.writeUnchecked(grad.reshape([]))
                    return
                }
                for w in 0..<newShape[d] {
                    let target = try out.narrow(d, start: w * step, length: size)
                    let window = try grad.select(d, w).movedim([grad.dim - 2], [d])
                    try target.writeUnchecked(target.add(.tensor(window)))
                }
            }
            return [out]
        }
    }
}

extension NodeKind {
    static let unfoldBackward0 = NodeKind("UnfoldBackward0")
}
