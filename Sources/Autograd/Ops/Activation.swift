import RealModule

/// Activation functions of `torch.nn.functional` (leaky_relu, elu, gelu, silu, softplus,
/// hardtanh, relu6, logsigmoid): the declarations, the kernels with PyTorch's CPU formulas
/// (aten/src/ATen/native/cpu/Activation.cpp), each forward with its backward formula
/// (derivatives.yaml) and the in-place variants PyTorch binds as `F.X_`.
///
/// For the binder: `F.X(input, ..., inplace=True)` is PyTorch's Python wrapper calling `X_`
/// (leaky_relu, elu, hardtanh, relu6 through hardtanh_, silu through `torch.ops` silu_, which
/// has no `F.silu_` name and so no in-place declaration here). `F.leaky_relu_` and `F.elu_`
/// exist as Swift methods (`leakyRelu_`, `elu_`) but are not declared: their grad_fn
/// (LeakyReluBackward1, EluBackward1, saving the result) differs from the out-of-place one,
/// which a declaration cannot say yet. Backward formulas run on kernels: under create_graph
/// they record no second-order nodes.
enum ActivationOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "leaky_relu(Tensor self, Scalar negative_slope=0.01) -> Tensor", gradFn: "LeakyReluBackward0",
            exposure: [.functional],
            forward: { try $0.tensor("self").leakyRelu(negativeSlope: $0.scalar("negative_slope").doubleValue) }),
        OpDeclaration(
            "elu(Tensor self, Scalar alpha=1, Scalar scale=1, Scalar input_scale=1) -> Tensor", gradFn: "EluBackward0",
            exposure: [.functional],
            forward: {
                try $0.tensor("self").elu(
                    alpha: $0.scalar("alpha").doubleValue, scale: $0.scalar("scale").doubleValue,
                    inputScale: $0.scalar("input_scale").doubleValue)
            }),
        OpDeclaration(
            "gelu(Tensor self, *, str approximate=\"none\") -> Tensor", gradFn: "GeluBackward0",
            exposure: [.functional],
            forward: { try $0.tensor("self").gelu(approximate: $0.string("approximate")) }),
        OpDeclaration(
            "silu(Tensor self) -> Tensor", gradFn: "SiluBackward0", exposure: [.functional],
            forward: { try $0.tensor("self").silu() }),
        OpDeclaration(
            "softplus(Tensor self, Scalar beta=1, Scalar threshold=20) -> Tensor", gradFn: "SoftplusBackward0",
            exposure: [.functional],
            forward: {
                try $0.tensor("self").softplus(
                    beta: $0.scalar("beta").doubleValue,
                    threshold: $0.scalar("threshold").doubleValue)
            }),
        OpDeclaration(
            "hardtanh(Tensor self, Scalar min_val=-1, Scalar max_val=1) -> Tensor", gradFn: "HardtanhBackward0",
            exposure: [.functional], inPlaceExposure: [.functional],
            samples: OpSamples(arguments: ["min_val": .scalar(.double(-0.5)), "max_val": .scalar(.double(0.5))]),
            forward: {
                try $0.tensor("self").hardtanh(min: $0.scalar("min_val").doubleValue, max: $0.scalar("max_val").doubleValue)
            },
            inPlace: {
                try $0.tensor("self").hardtanh_(min: $0.scalar("min_val").doubleValue, max: $0.scalar("max_val").doubleValue)
            }),
        OpDeclaration(
            "relu6(Tensor self) -> Tensor", gradFn: "HardtanhBackward0", exposure: [.functional],
            forward: { try $0.tensor("self").hardtanh(min: 0, max: 6) }),
        OpDeclaration(
            "logsigmoid(Tensor self) -> Tensor", gradFn: "LogSigmoidBackward0", exposure: [.functional],
            forward: { try $0.tensor("self").logSigmoid() })
    ]
}

// MARK: - Kernels

/// `leaky_relu_kernel`: `x` above zero, else `x * slope`.
struct LeakyReluF: PointwiseFunction {
    let slope: Double
    func apply<T: FloatElement>(_ x: T) -> T { x > 0 ? x : x * T(slope) }
}
/// `leaky_relu_backward`: `x` is the input, or the result for the in-place variant (same sign).
struct LeakyReluGradF: PointwiseBinaryFunction {
    let slope: Double
    func apply<T: FloatElement>(_ g: T, _ x: T) -> T { x > 0 ? g : g * T(slope) }
}

/// `elu_kernel` (aten/src/ATen/native/cpu/Elu.h): `expm1(x * input_scale) * alpha * scale` below
/// zero, else `x * scale`, with the coefficients rounded to the dtype first.
private struct EluF: VectorisedActivation {
    let alpha: Double, scale: Double, inputScale: Double
    func apply<T: FloatElement>(_ x: T, _ math: LaneMath) -> T {
        x < 0 ? math.expm1(x * T(inputScale)) * (T(alpha) * T(scale)) : x * T(scale)
    }
}
/// `elu_backward(grad, alpha, scale, input_scale, is_result, self_or_result)`.
private struct EluGradF: VectorisedActivationGradient {
    let alpha: Double, scale: Double, inputScale: Double, isResult: Bool
    func apply<T: FloatElement>(_ g: T, _ x: T, _ math: LaneMath) -> T {
        let negcoef = T(alpha) * T(scale)
        let negiptcoef = T(inputScale)
        guard x <= 0 else { return g * T(scale) }
        return isResult ? g * negiptcoef * (x + negcoef) : g * negiptcoef * negcoef * math.exp(x * negiptcoef)
    }
}

/// `M_SQRT2 * M_2_SQRTPI * 0.5` (sqrt(2/pi)), `M_2_SQRTPI * M_SQRT1_2 * 0.5` (1/sqrt(2 pi)) and
/// `M_SQRT1_2` as PyTorch's GELU kernels spell them (aten/src/ATen/native/cpu/Gelu.h).
private let geluBeta = 1.41421356237309504880 * 1.12837916709551257390 * 0.5
private let geluPdfScale = 1.12837916709551257390 * 0.70710678118654752440 * 0.5
private let geluErfScale = 0.70710678118654752440
private let geluKappa = 0.044715

/// `GeluKernelImpl`'s tanh approximation: `0.5 * x * (1 + tanh(beta * (x + kappa * x^3)))`, the
/// inner sum one fused multiply-add as GCC compiles it.
private struct GeluTanhF: VectorisedActivation {
    func apply<T: FloatElement>(_ x: T, _ math: LaneMath) -> T {
        let inner = T(geluBeta) * x.addingProduct(T(geluKappa), x * x * x)
        return T(0.5) * x * (1 + math.tanh(inner))
    }
}
/// `GeluBackwardKernelImpl`'s tanh approximation, with the multiply-adds GCC fuses (`1 - t * t`,
/// `1 + 3 * kappa * x^2`) and the final sum left unfused as PyTorch's build computes it.
private struct GeluTanhGradF: VectorisedActivationGradient {
    func apply<T: FloatElement>(_ g: T, _ x: T, _ math: LaneMath) -> T {
        let xSquared = x * x
        let inner = T(geluBeta) * x.addingProduct(T(geluKappa), xSquared * x)
        let tanhInner = math.tanh(inner)
        let left = T(0.5) * x
        let leftDerivative = T(0.5) * (1 + tanhInner)
        let tanhDerivative = T(1).addingProduct(-tanhInner, tanhInner)
        let innerDerivative = T(geluBeta) * T(1).addingProduct(3 * T(geluKappa), xSquared)
        return g * (leftDerivative + left * tanhDerivative * innerDerivative)
    }
}
/// `GeluKernelImpl` with erf: `x * 0.5 * (1 + erf(x * M_SQRT1_2))`.
private struct GeluErfF: VectorisedActivation {
    func apply<T: FloatElement>(_ x: T, _ math: LaneMath) -> T { x * T(0.5) * (1 + math.erf(x * T(geluErfScale))) }
}
/// `GeluBackwardKernelImpl` with erf: `g * (cdf + x * pdf)`, the sum one fused multiply-add in
/// the vector op and unfused in the scalar op, as PyTorch's build computes them (measured).
private struct GeluErfGradF: VectorisedActivationGradient {
    func apply<T: FloatElement>(_ g: T, _ x: T, _ math: LaneMath) -> T {
        let cdf = T(0.5) * (1 + math.erf(x * T(geluErfScale)))
        let pdf = T(geluPdfScale) * math.exp(x * x * T(-0.5))
        return g * (math.inLanes ? cdf.addingProduct(x, pdf) : cdf + x * pdf)
    }
}

/// `silu_kernel`: `x / (1 + exp(-x))`.
private struct SiluF: VectorisedActivation {
    func apply<T: FloatElement>(_ x: T, _ math: LaneMath) -> T { x / (1 + math.exp(-x)) }
}
/// `silu_backward_kernel`: `g * s * (1 + x * (1 - s))`, the last factor one fused multiply-add.
private struct SiluGradF: VectorisedActivationGradient {
    func apply<T: FloatElement>(_ g: T, _ x: T, _ math: LaneMath) -> T {
        let sigmoid = 1 / (1 + math.exp(-x))
        return g * sigmoid * T(1).addingProduct(x, 1 - sigmoid)
    }
}

/// `softplus_kernel`: `log1p(exp(x * beta)) / beta`, `x` itself where `x * beta > threshold`.
private struct SoftplusF: VectorisedActivation {
    let beta: Double, threshold: Double
    func apply<T: FloatElement>(_ x: T, _ math: LaneMath) -> T {
        x * T(beta) > T(threshold) ? x : math.log1p(math.exp(x * T(beta))) / T(beta)
    }
}
/// `softplus_backward_kernel`: `g * z / (z + 1)` with `z = exp(x * beta)`.
private struct SoftplusGradF: VectorisedActivationGradient {
    let beta: Double, threshold: Double
    func apply<T: FloatElement>(_ g: T, _ x: T, _ math: LaneMath) -> T {
        let z = math.exp(x * T(beta))
        return x * T(beta) > T(threshold) ? g : g * z / (z + 1)
    }
}

private struct HardtanhF: PointwiseFunction {
    let low: Double, high: Double
    func apply<T: FloatElement>(_ x: T) -> T { x.isNaN ? x : Swift.min(Swift.max(x, T(low)), T(high)) }
}
/// `hardtanh_backward`: zero at and beyond the bounds.
private struct HardtanhGradF: PointwiseBinaryFunction {
    let low: Double, high: Double
    func apply<T: FloatElement>(_ g: T, _ x: T) -> T { x <= T(low) || x >= T(high) ? 0 : g }
}

/// `log_sigmoid_cpu_kernel`: `min(x, 0) - log1p(exp(-|x|))`. It runs its vector op on every
/// element (the last partial vector is loaded padded), so SLEEF computes all of them. The
/// losses built on log-sigmoid (`binary_cross_entropy_with_logits`) use it too.
struct LogSigmoidF: PointwiseFunction {
    func apply<T: FloatElement>(_ x: T) -> T { Swift.min(x, 0) - SleefLanes.log1p(SleefLanes.exp(-Swift.abs(x))) }
}
/// `exp(-|x|)`, the buffer `log_sigmoid_forward` returns next to its output.
private struct LogSigmoidBufferF: PointwiseFunction {
    func apply<T: FloatElement>(_ x: T) -> T { SleefLanes.exp(-Swift.abs(x)) }
}
/// `log_sigmoid_backward(grad, self, buffer)` given the input; the buffer is recomputed.
private struct LogSigmoidGradF: PointwiseBinaryFunction {
    func apply<T: FloatElement>(_ g: T, _ x: T) -> T {
        let negative = x < 0
        let z = SleefLanes.exp(-Swift.abs(x))
        return ((negative ? 1 : 0) - (negative ? 1 : -1) * (z / (1 + z))) * g
    }
}

// MARK: - Forwards with their backward formulas

extension Tensor {
    /// Raises PyTorch's "not implemented" error for a float-only kernel on an integer tensor.
    func requireFloatingPoint(_ kernel: String) throws {
        if !dtype.isFloatingPoint { throw TorchError.runtime("\"\(kernel)\" not implemented for '\(dtype.scalarTypeName)'") }
    }

    /// `F.leaky_relu(self, negative_slope)` (LeakyReluBackward0, saves self).
    public func leakyRelu(negativeSlope: Double = 0.01) throws -> Tensor {
        try requireFloatingPoint("leaky_relu_cpu")
        let out = mapPointwise(LeakyReluF(slope: negativeSlope), self)
        record(
            "leaky_relu", .leakyReluBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)],
            keeping: [("negative_slope", .scalar(.double(negativeSlope)))]
        ) { ctx in
            [mapPointwise(LeakyReluGradF(slope: negativeSlope), ctx.grad, try ctx.saved(0))]
        }
        return out
    }

    /// `F.leaky_relu_(self, negative_slope)` (LeakyReluBackward1, saves result). Its backward
    /// refuses a negative slope, as PyTorch's does: the input cannot be told from the result.
    @discardableResult
    public func leakyRelu_(negativeSlope: Double = 0.01) throws -> Tensor {
        try inPlaceMath("leaky_relu_") {
            try requireFloatingPoint("leaky_relu_cpu")
            let out = mapPointwise(LeakyReluF(slope: negativeSlope), self)
            record("leaky_relu_", .leakyReluBackward1, inputs: [self], outputs: [out], saving: [.output("result", 0)]) { ctx in
                guard negativeSlope >= 0 else {
                    throw TorchError.runtime(
                        "In-place leakyReLu backward calculation is triggered with a negative slope which is not supported. This is caused by calling in-place forward function with a negative slope, please call out-of-place version instead. File an issue at https://github.com/pytorch/pytorch if you do require supporting in-place leakRelu backward calculation with negative slope"
                    )
                }
                return [mapPointwise(LeakyReluGradF(slope: negativeSlope), ctx.grad, try ctx.saved(0))]
            }
            return out
        }
    }

    /// `F.elu(self, alpha)`: `scale * x` for x >= 0, else `alpha * scale * expm1(x * input_scale)`
    /// (EluBackward0, saves self).
    public func elu(alpha: Double = 1, scale: Double = 1, inputScale: Double = 1) throws -> Tensor {
        try requireFloatingPoint("elu_cpu")
        let out = mapVectorised(EluF(alpha: alpha, scale: scale, inputScale: inputScale), self)
        record("elu", .eluBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            [
                try mapActivationGradient(
                    EluGradF(alpha: alpha, scale: scale, inputScale: inputScale, isResult: false),
                    ctx.grad, ctx.saved(0))
            ]
        }
        return out
    }

    /// `elu_backward` given the saved input, for ops that run elu's kernel under their own name.
    static func eluBackward(_ grad: Tensor, _ input: Tensor, alpha: Double, scale: Double, inputScale: Double) throws -> Tensor {
        try mapActivationGradient(EluGradF(alpha: alpha, scale: scale, inputScale: inputScale, isResult: false), grad, input)
    }

    /// `F.elu_(self, alpha)` (EluBackward1, saves result).
    @discardableResult
    public func elu_(alpha: Double = 1, scale: Double = 1, inputScale: Double = 1) throws -> Tensor {
        try eluInPlace(alpha: alpha, scale: scale, inputScale: inputScale, op: "elu_", gradFn: .eluBackward1)
    }

    /// elu_'s kernel and result-based backward, recorded as `op` with grad_fn `gradFn` (celu_ is
    /// elu_ under another name, its backward with its own input scale `gradInputScale`).
    func eluInPlace(
        alpha: Double, scale: Double, inputScale: Double, gradInputScale: Double? = nil, op: String, gradFn: NodeKind
    ) throws -> Tensor {
        try inPlaceMath(op) {
            try requireFloatingPoint("elu_cpu")
            let out = mapVectorised(EluF(alpha: alpha, scale: scale, inputScale: inputScale), self)
            record(op, gradFn, inputs: [self], outputs: [out], saving: [.output("result", 0)]) { ctx in
                [
                    try mapActivationGradient(
                        EluGradF(alpha: alpha, scale: scale, inputScale: gradInputScale ?? inputScale, isResult: true),
                        ctx.grad, ctx.saved(0))
                ]
            }
            return out
        }
    }

    /// `F.gelu(self, approximate='none'|'tanh')` (GeluBackward0, saves self).
    public func gelu(approximate: String = "none") throws -> Tensor {
        guard approximate == "none" || approximate == "tanh" else {
            throw TorchError.runtime("approximate argument must be either none or tanh.")
        }
        try requireFloatingPoint("GeluKernelImpl")
        let tanhApproximation = approximate == "tanh"
        let out =
            tanhApproximation
            ? mapVectorised(GeluTanhF(), self)
            : usesOneDNNGeluErf(self) ? oneDNNGeluErf(self) : mapVectorised(GeluErfF(), self)
        record("gelu", .geluBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            let saved = try ctx.saved(0)
            if tanhApproximation { return [try mapActivationGradient(GeluTanhGradF(), ctx.grad, saved)] }
            if usesOneDNNGeluErf(saved) { return [try oneDNNGeluErfBackward(ctx.grad, saved)] }
            return [try mapActivationGradient(GeluErfGradF(), ctx.grad, saved)]
        }
        return out
    }

    /// `F.silu(self)`: `x * sigmoid(x)` (SiluBackward0, saves self).
    public func silu() throws -> Tensor {
        try requireFloatingPoint("silu_cpu")
        let out = mapVectorised(SiluF(), self)
        record("silu", .siluBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            [try mapActivationGradient(SiluGradF(), ctx.grad, ctx.saved(0))]
        }
        return out
    }

    /// `silu_(self)`, what `F.silu(inplace=True)` calls (SiluBackward0 saving a copy of the original self).
    @discardableResult
    public func silu_() throws -> Tensor { try inPlaceMath("silu_") { try silu() } }

    /// `F.softplus(self, beta, threshold)`: `log1p(exp(beta * x)) / beta`, linear above the
    /// threshold (SoftplusBackward0, saves self).
    public func softplus(beta: Double = 1, threshold: Double = 20) throws -> Tensor {
        try requireFloatingPoint("softplus_cpu")
        let out = mapVectorised(SoftplusF(beta: beta, threshold: threshold), self)
        record("softplus", .softplusBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            [try mapActivationGradient(SoftplusGradF(beta: beta, threshold: threshold), ctx.grad, ctx.saved(0))]
        }
        return out
    }

    /// `F.hardtanh(self, min_val, max_val)`, also `F.relu6` (HardtanhBackward0, saves self).
    public func hardtanh(min low: Double = -1, max high: Double = 1) throws -> Tensor {
        try requireFloatingPoint("hardtanh_cpu")
        let out = mapPointwise(HardtanhF(low: low, high: high), self)
        record("hardtanh", .hardtanhBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            [mapPointwise(HardtanhGradF(low: low, high: high), ctx.grad, try ctx.saved(0))]
        }
        return out
    }

    /// `F.hardtanh_(self, min_val, max_val)` (HardtanhBackward0 saving a copy of the original self).
    @discardableResult
    public func hardtanh_(min low: Double = -1, max high: Double = 1) throws -> Tensor {
        try inPlaceMath("hardtanh_") { try hardtanh(min: low, max: high) }
    }

    /// `F.logsigmoid(self)`: `min(x, 0) - log1p(exp(-|x|))` (LogSigmoidBackward0, saves self and
    /// the buffer `exp(-|x|)`).
    public func logSigmoid() throws -> Tensor {
        try requireFloatingPoint("log_sigmoid_cpu")
        let out = mapPointwise(LogSigmoidF(), self)
        record(
            "log_sigmoid_forward", .logSigmoidBackward0, inputs: [self], outputs: [out],
            saving: [.input("self", self), .input("buffer", mapPointwise(LogSigmoidBufferF(), self))]
        ) { ctx in
            [mapPointwise(LogSigmoidGradF(), ctx.grad, try ctx.saved(0))]
        }
        return out
    }
}

extension NodeKind {
    static let eluBackward0 = NodeKind("EluBackward0")
    static let eluBackward1 = NodeKind("EluBackward1")
    static let geluBackward0 = NodeKind("GeluBackward0")
    static let hardtanhBackward0 = NodeKind("HardtanhBackward0")
    static let leakyReluBackward0 = NodeKind("LeakyReluBackward0")
    static let leakyReluBackward1 = NodeKind("LeakyReluBackward1")
    static let logSigmoidBackward0 = NodeKind("LogSigmoidBackward0")
    static let siluBackward0 = NodeKind("SiluBackward0")
    static let softplusBackward0 = NodeKind("SoftplusBackward0")
}
