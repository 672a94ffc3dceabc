/// Normalization: `F.layer_norm` (PyTorch's `native_layer_norm`, NativeLayerNormBackward0,
/// saving input, weight, bias, mean and rstd). Each row of the trailing `normalized_shape`
/// elements is normalised with its biased variance, computed in the tensor's type in PyTorch's
/// order (`LayerNormForward`, Kernels/RowwiseMoments.swift). The backward is PyTorch's
/// `layer_norm_backward_frame` (Kernels/LayerNormBackwardKernel.swift; no second-order graph).
enum NormalizationOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "layer_norm(Tensor input, int[] normalized_shape, Tensor? weight=None, Tensor? bias=None, float eps=1e-05) -> Tensor",
            gradFn: "NativeLayerNormBackward0", exposure: [.torch, .functional],
            samples: OpSamples(shapes: ["weight": [3], "bias": [3]], arguments: ["normalized_shape": .intList([3])]),
            forward: {
                try Tensor.layerNorm(
                    $0.tensor("input"), normalizedShape: $0.intList("normalized_shape"),
                    weight: $0.optionalTensor("weight"), bias: $0.optionalTensor("bias"),
                    eps: $0.double("eps"))
            })
    ]
}

/// Row statistics of a layer norm: `rows` rows of `width` values.
private struct LayerNormRows {
    let rows: Int, width: Int
}

extension Tensor {
    /// `F.layer_norm(input, normalized_shape, weight, bias, eps)` (NativeLayerNormBackward0).
    public static func layerNorm(
        _ input: Tensor, normalizedShape: [Int], weight: Tensor? = nil, bias: Tensor? = nil,
        eps: Double = 1e-5
    ) throws -> Tensor {
        let k = normalizedShape.count
        let shapeText = "[" + normalizedShape.map(String.init).joined(separator: ", ") + "]"
        guard k >= 1 else {
            throw TorchError.runtime(
                "Expected normalized_shape to be at least 1-dimensional, i.e., containing at least one element, but got normalized_shape = \(shapeText)"
            )
        }
        for (name, t) in [("weight", weight), ("bias", bias)] {
            if let t, t.shape != normalizedShape {
                throw TorchError.runtime(
                    "Expected \(name) to be of same shape as normalized_shape, but got \(name) of shape [\(t.shape.map(String.init).joined(separator: ", "))] and normalized_shape = \(shapeText)"
                )
            }
        }
        guard input.dim >= k, Array(input.shape.suffix(k)) == normalizedShape else {
            throw TorchError.runtime(
                "Given normalized_shape=\(shapeText), expected input with shape [*, \(normalizedShape.map(String.init).joined(separator: ", "))], but got input of size[\(input.shape.map(String.init).joined(separator: ", "))]"
            )
        }
        try input.requireFloatingPoint("LayerNormKernelImpl")
        let width = normalizedShape.reduce(1, *)
        let geometry = LayerNormRows(rows: width == 0 ? 0 : input.numel / width, width: width)
        let (out, mean, rstd) = input.dtype.dispatchFloat(
            LayerNormForward(rows: geometry.rows, width: width, input: input, weight: weight, bias: bias, eps: eps))
        let dt = input.dtype
        let statShape = Array(input.shape.prefix(input.dim - k)) + Array(repeating: 1, count: k)
        let meanTensor = Tensor.fromValues(mean, shape: statShape, dtype: dt)
        let rstdTensor = Tensor.fromValues(rstd, shape: statShape, dtype: dt)
        let inputShape = input.shape
        var saving: [SaveSlot] = [.input("input", input), .input("result1", meanTensor), .input("result2", rstdTensor)]
        if let weight { saving.append(.input("weight", weight)) }
        if let bias { saving.append(.input("bias", bias)) }
        record("native_layer_norm", .nativeLayerNormBackward0, inputs: [input, weight, bias], outputs: [out], saving: saving) {
            ctx in
            let dtype = ctx.grad.dtype
            let (dx, dgamma, dbeta) = dtype.dispatchFloat(
                LayerNormBackward(
                    rows: geometry.rows, width: width, input: try ctx.saved(0), grad: ctx.grad,
                    mean: try ctx.saved(1).doubles(), rstd: try ctx.saved(2).doubles(),
                    weight: weight == nil ? nil : try ctx.saved(3)))
            return [
                ctx.needsGrad(0) ? Tensor.fromValues(dx, shape: inputShape, dtype: dtype) : nil,
                ctx.needsGrad(1) ? Tensor.fromValues(dgamma, shape: normalizedShape, dtype: dtype) : nil,
                ctx.needsGrad(2) ? Tensor.fromValues(dbeta, shape: normalizedShape, dtype: dtype) : nil
            ]
        }
        return out
    }
}

/// The forward pass in PyTorch's order (aten/src/ATen/native/cpu/layer_norm_kernel.cpp,
/// LayerNormKernelImplInternal): each row's moments by `RowwiseMoments`, `rstd = 1 / sqrt(var +
/// eps)` in the type, and `y = ((x - mean) * rstd) * gamma + beta` with the last step fused.
private struct LayerNormForward: FloatVisitor {
    let rows: Int, width: Int
    let input: Tensor, weight: Tensor?, bias: Tensor?, eps: Double

    func visit<T: FloatElement>(_: T.Type) -> (Tensor, [Double], [Double]) {
        let dtype = input.dtype
        let storages = [input, weight, bias].map { $0?.contiguousStorage(as: dtype) }
        return withExtendedLifetime(storages) { normalize(storages.map { $0?.pointer(T.self) }) }
    }

    private func normalize<T: FloatElement>(_ pointers: [UnsafeMutablePointer<T>?]) -> (Tensor, [Double], [Double]) {
        let dtype = input.dtype
        let (x, gamma, beta) = (pointers[0]!, pointers[1], pointers[2])
        let out = Storage.uninitialized(dtype, count: rows * width)
        let y = out.pointer(T.self)
        var means = [Double](repeating: 0, count: rows)
        var rstds = means
        let e = T(fromDouble: eps)
        for r in 0..<rows {
            let row = x + r * width
            let (mean, variance) = RowwiseMoments<T>.compute(row, count: width)
            let rstd = 1 / (variance + e).squareRoot()
            for j in 0..<width {
                y[r * width + j] = (beta?[j] ?? 0).addingProduct((row[j] - mean) * rstd, gamma?[j] ?? 1)
            }
            (means[r], rstds[r]) = (mean.doubleValue, rstd.doubleValue)
        }
        return (Tensor(storage: out, shape: input.shape), means, rstds)
    }
}

/// The backward pass on contiguous values in the gradient's type: the input's gradient and the
/// weight's and bias's (row-major, as doubles holding the type's values).
private struct LayerNormBackward: FloatVisitor {
    let rows: Int, width: Int
    let input: Tensor, grad: Tensor, mean: [Double], rstd: [Double], weight: Tensor?

    func visit<T: FloatElement>(_: T.Type) -> ([Double], [Double], [Double]) {
        let dtype = grad.dtype
        let storages = [input, grad, weight].map { $0?.contiguousStorage(as: dtype) }
        let dx = Storage.uninitialized(dtype, count: rows * width)
        let (dgamma, dbeta) = withExtendedLifetime(storages) {
            LayerNormBackwardKernel<T>(rows: rows, width: width).run(
                dy: storages[1]!.pointer(T.self), x: storages[0]!.pointer(T.self), mean: mean.map(T.init(fromDouble:)),
                rstd: rstd.map(T.init(fromDouble:)), gamma: storages[2].map { UnsafePointer($0.pointer(T.self)) },
                dx: dx.pointer(T.self))
        }
        let values = UnsafeBufferPointer(start: dx.pointer(T.self), count: rows * width).map(\.doubleValue)
        return (values, dgamma.map(\.doubleValue), dbeta.map(\.doubleValue))
    }
}

extension NodeKind {
    static let nativeLayerNormBackward0 = NodeKind("NativeLayerNormBackward0")
}
