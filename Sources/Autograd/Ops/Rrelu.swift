/// `torch.rrelu` / `F.rrelu` / `nn.RReLU`: the randomized leaky ReLU, PyTorch's
/// `rrelu_with_noise` (RreluWithNoiseBackward0; the in-place `rrelu_` records
/// RreluWithNoiseBackward1, saving the result). In training, each element at or below zero is
/// scaled by a slope drawn from `uniform_real_distribution<double>(lower, upper)` on the default
/// generator, in element order (`_rrelu_with_noise_train`), and the slopes (1 elsewhere) are the
/// saved `noise` the gradient multiplies by; otherwise it is `leaky_relu` with the slope
/// `(lower + upper) / 2`.
enum RreluOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "rrelu(Tensor self, Scalar lower=0.125, Scalar upper=0.3333333333333333, bool training=False) -> Tensor",
            gradFn: "RreluWithNoiseBackward0", exposure: [.torch, .functional], inPlaceExposure: [.torch, .functional],
            inPlaceGradFn: "RreluWithNoiseBackward1",
            forward: {
                try $0.tensor("self").rrelu(
                    lower: $0.scalar("lower").doubleValue, upper: $0.scalar("upper").doubleValue, training: $0.bool("training"))
            },
            inPlace: {
                try $0.tensor("self").rrelu_(
                    lower: $0.scalar("lower").doubleValue, upper: $0.scalar("upper").doubleValue, training: $0.bool("training"))
            })
    ]
}

/// `_rrelu_with_noise_train`: the output and the noise, drawing one slope per element at or
/// below zero; the bounds are rounded to the element type first (its `opmath_t`).
private struct RreluTrainKernel: FloatVisitor {
    let input: Storage
    let lower: Double
    let upper: Double
    let generator: Generator
    let out: Storage
    let noise: Storage

    func visit<T: FloatElement>(_ type: T.Type) {
        let (x, y, r) = (input.pointer(T.self), out.pointer(T.self), noise.pointer(T.self))
        let (from, to) = (T(lower).doubleValue, T(upper).doubleValue)
        for i in 0..<out.count {
            if x[i] <= 0 {
                let slope = T(generator.uniformDouble(from: from, to: to))
                y[i] = x[i] * slope
                r[i] = slope
            } else {
                y[i] = x[i]
                r[i] = 1
            }
        }
    }
}

extension Tensor {
    /// `torch.rrelu(self, lower, upper, training)` (RreluWithNoiseBackward0, saving self, noise,
    /// lower, upper and training).
    public func rrelu(lower: Double = 0.125, upper: Double = 1.0 / 3, training: Bool = false) throws -> Tensor {
        let (out, noise) = try rreluValues(lower: lower, upper: upper, training: training)
        let slope = (lower + upper) / 2
        let usesNoise = training && upper - lower > 1e-6
        record(
            "rrelu", .rreluWithNoiseBackward0, inputs: [self], outputs: [out],
            saving: [.input("self", self), .input("noise", noise)],
            keeping: [("lower", .scalar(.double(lower))), ("upper", .scalar(.double(upper))), ("training", .bool(training))]
        ) { ctx in
            if usesNoise { return [try ctx.grad.mul(.tensor(ctx.saved("noise")))] }
            return [mapPointwise(LeakyReluGradF(slope: slope), ctx.grad, try ctx.saved("self"))]
        }
        return out
    }

    /// `torch.rrelu_(self, lower, upper, training)` (RreluWithNoiseBackward1, saving the result
    /// and the noise).
    @discardableResult
    public func rrelu_(lower: Double = 0.125, upper: Double = 1.0 / 3, training: Bool = false) throws -> Tensor {
        try inPlaceMath("rrelu_") {
            let (out, noise) = try rreluValues(lower: lower, upper: upper, training: training)
            let slope = (lower + upper) / 2
            let usesNoise = training && upper - lower > 1e-6
            record(
                "rrelu_", .rreluWithNoiseBackward1, inputs: [self], outputs: [out],
                saving: [.input("noise", noise), .output("result", 0)],
                keeping: [("lower", .scalar(.double(lower))), ("upper", .scalar(.double(upper))), ("training", .bool(training))]
            ) { ctx in
                if usesNoise { return [try ctx.grad.mul(.tensor(ctx.saved("noise")))] }
                return [mapPointwise(LeakyReluGradF(slope: slope), ctx.grad, try ctx.saved("result"))]
            }
            return out
        }
    }

    /// The output and the noise (zeros outside training, where PyTorch leaves it unset).
    private func rreluValues(lower: Double, upper: Double, training: Bool) throws -> (Tensor, Tensor) {
        guard lower <= upper else { throw TorchError.runtime("Lower bound should be less than or equal to the upper bound") }
        guard dtype.isFloatingPoint else {
            throw TorchError.unsupportedOperation("\"leaky_relu_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        guard training else {
            return (mapPointwise(LeakyReluF(slope: (lower + upper) / 2), self), Tensor.zeros(shape, dtype: dtype))
        }
        let source = contiguousStorage()
        let out = Storage.uninitialized(dtype, count: numel)
        let noise = Storage.uninitialized(dtype, count: numel)
        dtype.dispatchFloat(
            RreluTrainKernel(input: source, lower: lower, upper: upper, generator: .default, out: out, noise: noise))
        return withExtendedLifetime(source) { (Tensor(storage: out, shape: shape), Tensor(storage: noise, shape: shape)) }
    }
}

extension NodeKind {
    static let rreluWithNoiseBackward0 = NodeKind("RreluWithNoiseBackward0")
    static let rreluWithNoiseBackward1 = NodeKind("RreluWithNoiseBackward1")
}
