import RealModule

/// More activations of `torch.nn.functional`: the piecewise ones (hardsigmoid, hardswish,
/// softshrink, hardshrink, threshold), mish, celu and selu through elu's kernel, and the ones
/// PyTorch composes from other ops (softsign, tanhshrink, softmin), with the grad_fn of their
/// last op. Kernels follow PyTorch's CPU formulas; the backward kernels are not recorded.
enum MoreActivationOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "hardsigmoid(Tensor self) -> Tensor", gradFn: "HardsigmoidBackward0", exposure: [.functional],
            forward: { try $0.tensor("self").hardsigmoid() }),
        OpDeclaration(
            "hardswish(Tensor self) -> Tensor", gradFn: "HardswishBackward0", exposure: [.functional],
            forward: { try $0.tensor("self").hardswish() }),
        OpDeclaration(
            "mish(Tensor self) -> Tensor", gradFn: "MishBackward0", exposure: [.functional],
            forward: { try $0.tensor("self").mish() }),
        OpDeclaration(
            "softshrink(Tensor self, Scalar lambd=0.5) -> Tensor", gradFn: "SoftshrinkBackward0",
            exposure: [.functional], samples: OpSamples(arguments: ["lambd": .scalar(.double(0.25))]),
            forward: { try $0.tensor("self").softshrink($0.scalar("lambd").doubleValue) }),
        OpDeclaration(
            "hardshrink(Tensor self, Scalar lambd=0.5) -> Tensor", gradFn: "HardshrinkBackward0",
            exposure: [.functional, .method], samples: OpSamples(arguments: ["lambd": .scalar(.double(0.25))]),
            forward: { try $0.tensor("self").hardshrink($0.scalar("lambd").doubleValue) }),
        OpDeclaration(
            "threshold(Tensor self, Scalar threshold, Scalar value) -> Tensor", gradFn: "ThresholdBackward0",
            exposure: [.torch, .functional],
            samples: OpSamples(arguments: ["threshold": .scalar(.double(0.3)), "value": .scalar(.double(-2))]),
            forward: { try $0.tensor("self").threshold($0.scalar("threshold").doubleValue, $0.scalar("value").doubleValue) }),
        OpDeclaration(
            "celu(Tensor self, Scalar alpha=1.0) -> Tensor", gradFn: "CeluBackward0", exposure: [.torch, .functional],
            forward: { try $0.tensor("self").celu(alpha: $0.scalar("alpha").doubleValue) }),
        OpDeclaration(
            "selu(Tensor self) -> Tensor", gradFn: "EluBackward0", exposure: [.torch, .functional],
            forward: { try $0.tensor("self").selu() }),
        OpDeclaration(
            "softsign(Tensor self) -> Tensor", gradFn: "DivBackward0", exposure: [.functional],
            forward: { try $0.tensor("self").softsign() }),
        OpDeclaration(
            "tanhshrink(Tensor self) -> Tensor", gradFn: "SubBackward0", exposure: [.functional],
            forward: { try $0.tensor("self").tanhshrink() }),
        OpDeclaration(
            "softmin(Tensor self, int dim) -> Tensor", gradFn: "SoftmaxBackward0", exposure: [.functional],
            forward: { try $0.tensor("self").softmin(dim: $0.int("dim")) })
    ]
}

private struct HardsigmoidF: PointwiseFunction {
    func apply<T: FloatElement>(_ x: T) -> T { Swift.min(Swift.max(x + 3, 0), 6) / 6 }
}
/// `hardsigmoid_backward_kernel`: `g * one_sixth` inside (-3, 3), with `one_sixth` the float
/// `1.0f / 6.0f` in both dtypes.
private struct HardsigmoidGradF: PointwiseBinaryFunction {
    func apply<T: FloatElement>(_ g: T, _ x: T) -> T { x > -3 && x < 3 ? g * T(Float(1) / Float(6)) : 0 }
}
private struct HardswishF: PointwiseFunction {
    func apply<T: FloatElement>(_ x: T) -> T { x * Swift.min(Swift.max(x + 3, 0), 6) / 6 }
}
private struct HardswishGradF: PointwiseBinaryFunction {
    func apply<T: FloatElement>(_ g: T, _ x: T) -> T { x <= -3 ? 0 : x < 3 ? g * (x / 3 + T(0.5)) : g }
}
/// `mish_kernel`: `x * tanh(log1p(exp(x)))`.
private struct MishF: VectorisedActivation {
    func apply<T: FloatElement>(_ x: T, _ math: LaneMath) -> T { x * math.tanh(math.log1p(math.exp(x))) }
}
/// `mish_backward_kernel`: `g * (t + x * s * (1 - t * t))` with `t = tanh(softplus(x))`, both
/// sums fused multiply-adds as GCC compiles them.
private struct MishGradF: VectorisedActivationGradient {
    func apply<T: FloatElement>(_ g: T, _ x: T, _ math: LaneMath) -> T {
        let sigmoid = 1 / (1 + math.exp(-x))
        let tanhSoftplus = math.tanh(math.log1p(math.exp(x)))
        return g * tanhSoftplus.addingProduct(x * sigmoid, T(1).addingProduct(-tanhSoftplus, tanhSoftplus))
    }
}
private struct SoftshrinkF: PointwiseFunction {
    let lambd: Double
    func apply<T: FloatElement>(_ x: T) -> T { x > T(lambd) ? x - T(lambd) : x < -T(lambd) ? x + T(lambd) : x * 0 }
}
private struct HardshrinkF: PointwiseFunction {
    let lambd: Double
    func apply<T: FloatElement>(_ x: T) -> T { x >= -T(lambd) && x <= T(lambd) ? 0 : x }
}
/// The gradient of both shrinks: zero inside `[-lambd, lambd]`.
private struct ShrinkGradF: PointwiseBinaryFunction {
    let lambd: Double
    func apply<T: FloatElement>(_ g: T, _ x: T) -> T { x >= -T(lambd) && x <= T(lambd) ? 0 : g }
}
private struct ThresholdF: PointwiseFunction {
    let threshold: Double, value: Double
    func apply<T: FloatElement>(_ x: T) -> T { x <= T(threshold) ? T(value) : x }
}
private struct ThresholdGradF: PointwiseBinaryFunction {
    let threshold: Double
    func apply<T: FloatElement>(_ g: T, _ x: T) -> T { x <= T(threshold) ? 0 : g }
}

/// CELU's backward input scale, `1.0 / alpha.toFloat()` in derivatives.yaml: alpha rounded to
/// float32 first, while the forward (`at::celu`) divides by the double.
private func celuGradInputScale(_ alpha: Double) -> Double { 1 / Double(Float(alpha)) }

/// SELU's constants, as `at::selu` spells them.
private let seluAlpha = 1.6732632423543772848170429916717
private let seluScale = 1.0507009873554804934193349852946

extension Tensor {
    /// A pointwise activation saving `self`, with its backward kernel.
    private func pointwiseActivation(
        _ op: String, _ gradFn: NodeKind, kernel: String,
        _ forward: some PointwiseFunction, _ backward: some PointwiseBinaryFunction
    ) throws -> Tensor {
        try requireFloatingPoint(kernel)
        let out = mapPointwise(forward, self)
        record(op, gradFn, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            [mapPointwise(backward, ctx.grad, try ctx.saved(0))]
        }
        return out
    }

    /// `relu6(x + 3) / 6`.
    public func hardsigmoid() throws -> Tensor {
        try pointwiseActivation(
            "hardsigmoid", .hardsigmoidBackward0, kernel: "hardsigmoid_cpu", HardsigmoidF(), HardsigmoidGradF())
    }

    /// `x * relu6(x + 3) / 6`.
    public func hardswish() throws -> Tensor {
        try pointwiseActivation("hardswish", .hardswishBackward0, kernel: "hardswish_cpu", HardswishF(), HardswishGradF())
    }

    /// `x * tanh(softplus(x))`.
    public func mish() throws -> Tensor {
        try requireFloatingPoint("mish_cpu")
        let out = mapVectorised(MishF(), self)
        record("mish", .mishBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            [try mapActivationGradient(MishGradF(), ctx.grad, ctx.saved(0))]
        }
        return out
    }

    /// Moves values toward zero by `lambd`, zeroing those within it.
    public func softshrink(_ lambd: Double = 0.5) throws -> Tensor {
        if lambd < 0 {
            let (name, largest) = dtype == .float64 ? ("Double", "1.79769e+308") : ("Float", "3.40282e+38")
            let found = lambd == lambd.rounded() ? String(Int(lambd)) : String(lambd)
            throw TorchError.runtime("lambda must be in range [0, \(largest)] for input dtype \(name), but found \(found)")
        }
        return try pointwiseActivation(
            "softshrink", .softshrinkBackward0, kernel: "softshrink_cpu", SoftshrinkF(lambd: lambd), ShrinkGradF(lambd: lambd))
    }

    /// Zeroes the values within `[-lambd, lambd]`.
    public func hardshrink(_ lambd: Double = 0.5) throws -> Tensor {
        try pointwiseActivation(
            "hardshrink", .hardshrinkBackward0, kernel: "hardshrink_cpu", HardshrinkF(lambd: lambd), ShrinkGradF(lambd: lambd))
    }

    /// `value` where `self <= threshold`, else `self`.
    public func threshold(_ threshold: Double, _ value: Double) throws -> Tensor {
        try pointwiseActivation(
            "threshold", .thresholdBackward0, kernel: "threshold_cpu",
            ThresholdF(threshold: threshold, value: value), ThresholdGradF(threshold: threshold))
    }

    /// `max(0, x) + min(0, alpha * (exp(x / alpha) - 1))`: elu with input scale `1 / alpha`; the
    /// backward's input scale is `1.0 / alpha.toFloat()`, as derivatives.yaml writes it.
    public func celu(alpha: Double = 1) throws -> Tensor {
        if alpha == 0 { throw TorchError.runtime("ZeroDivisionError") }
        let out = try GradMode.noGrad { try self.elu(alpha: alpha, scale: 1, inputScale: 1 / alpha) }
        record("celu", .celuBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            [try Tensor.eluBackward(ctx.grad, ctx.saved(0), alpha: alpha, scale: 1, inputScale: celuGradInputScale(alpha))]
        }
        return out
    }

    /// `F.threshold(self, threshold, value, inplace=True)` (ThresholdBackward1, saving a copy of
    /// the original self).
    @discardableResult
    public func threshold_(_ threshold: Double, _ value: Double) throws -> Tensor {
        try inPlaceMath("threshold_") {
            try requireFloatingPoint("threshold_cpu")
            let out = mapPointwise(ThresholdF(threshold: threshold, value: value), self)
            record("threshold_", .thresholdBackward1, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
                [mapPointwise(ThresholdGradF(threshold: threshold), ctx.grad, try ctx.saved(0))]
            }
            return out
        }
    }

    /// `F.celu(self, alpha, inplace=True)`: elu_ with input scale `1 / alpha` (CeluBackward1,
    /// saves result).
    @discardableResult
    public func celu_(alpha: Double = 1) throws -> Tensor {
        if alpha == 0 { throw TorchError.runtime("ZeroDivisionError") }
        return try eluInPlace(
            alpha: alpha, scale: 1, inputScale: 1 / alpha, gradInputScale: celuGradInputScale(alpha), op: "celu_",
            gradFn: .celuBackward1)
    }

    /// `scale * elu(x, alpha)` with SELU's constants (EluBackward0, as `at::selu` calls elu).
    public func selu() throws -> Tensor { try elu(alpha: seluAlpha, scale: seluScale, inputScale: 1) }

    /// `torch.selu_(self)`: elu_ with SELU's constants (EluBackward1, saves result).
    @discardableResult
    public func selu_() throws -> Tensor { try elu_(alpha: seluAlpha, scale: seluScale, inputScale: 1) }

    /// `hardsigmoid_(self)` (HardsigmoidBackward0 saving a copy of the original self).
    @discardableResult
    public func hardsigmoid_() throws -> Tensor { try inPlaceMath("hardsigmoid_") { try hardsigmoid() } }

    /// `hardswish_(self)` (HardswishBackward0 saving a copy of the original self).
    @discardableResult
    public func hardswish_() throws -> Tensor { try inPlaceMath("hardswish_") { try hardswish() } }

    /// `mish_(self)` (MishBackward0 saving a copy of the original self).
    @discardableResult
    public func mish_() throws -> Tensor { try inPlaceMath("mish_") { try mish() } }

    /// `self / (self.abs() + 1)`, as functional.py computes it.
    public func softsign() throws -> Tensor { try div(.tensor(abs().add(.scalar(.int(1))))) }

    /// `self - self.tanh()`, as functional.py computes it.
    public func tanhshrink() throws -> Tensor { try sub(.tensor(tanh())) }

    /// `softmax(-self, dim)`.
    public func softmin(dim: Int) throws -> Tensor { try neg().softmax(dim: dim) }
}

extension NodeKind {
    static let celuBackward0 = NodeKind("CeluBackward0")
    static let celuBackward1 = NodeKind("CeluBackward1")
    static let hardshrinkBackward0 = NodeKind("HardshrinkBackward0")
    static let hardsigmoidBackward0 = NodeKind("HardsigmoidBackward0")
    static let hardswishBackward0 = NodeKind("HardswishBackward0")
    static let mishBackward0 = NodeKind("MishBackward0")
    static let softshrinkBackward0 = NodeKind("SoftshrinkBackward0")
    static let thresholdBackward0 = NodeKind("ThresholdBackward0")
    static let thresholdBackward1 = NodeKind("ThresholdBackward1")
}
