import RealModule

/// Elementwise math (exp, log, sqrt, abs, sin, cos, tanh, sigmoid, relu, sign, clamp): the
/// declarations, then the kernels, each forward with its backward formula, the in-place
/// variants, and the `*_backward` ops those formulas call so that create_graph records
/// PyTorch's double-backward nodes.
enum UnaryOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "exp(Tensor self) -> Tensor", gradFn: "ExpBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            forward: { try $0.tensor("self").exp() }, inPlace: { try $0.tensor("self").exp_() }),
        OpDeclaration(
            "log(Tensor self) -> Tensor", gradFn: "LogBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            samples: OpSamples(domain: .positive),
            forward: { try $0.tensor("self").log() }, inPlace: { try $0.tensor("self").log_() }),
        OpDeclaration(
            "sqrt(Tensor self) -> Tensor", gradFn: "SqrtBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            samples: OpSamples(domain: .positive),
            forward: { try $0.tensor("self").sqrt() }, inPlace: { try $0.tensor("self").sqrt_() }),
        OpDeclaration(
            "sin(Tensor self) -> Tensor", gradFn: "SinBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            forward: { try $0.tensor("self").sin() }, inPlace: { try $0.tensor("self").sin_() }),
        OpDeclaration(
            "cos(Tensor self) -> Tensor", gradFn: "CosBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            forward: { try $0.tensor("self").cos() }, inPlace: { try $0.tensor("self").cos_() }),
        OpDeclaration(
            "tanh(Tensor self) -> Tensor", gradFn: "TanhBackward0",
            exposure: [.torch, .method, .functional], inPlaceExposure: [.torch, .method],
            forward: { try $0.tensor("self").tanh() }, inPlace: { try $0.tensor("self").tanh_() }),
        OpDeclaration(
            "sigmoid(Tensor self) -> Tensor", gradFn: "SigmoidBackward0",
            exposure: [.torch, .method, .functional], inPlaceExposure: [.torch, .method],
            forward: { try $0.tensor("self").sigmoid() }, inPlace: { try $0.tensor("self").sigmoid_() }),
        OpDeclaration(
            "relu(Tensor self) -> Tensor", gradFn: "ReluBackward0",
            exposure: [.torch, .method, .functional], inPlaceExposure: [.torch, .method, .functional],
            forward: { try $0.tensor("self").relu() }, inPlace: { try $0.tensor("self").relu_() }),
        OpDeclaration(
            "abs(Tensor self) -> Tensor", gradFn: "AbsBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            forward: { try $0.tensor("self").abs() }, inPlace: { try $0.tensor("self").abs_() }),
        OpDeclaration(
            "sign(Tensor self) -> Tensor", gradFn: "SignBackward0", exposure: [.torch, .method],
            inPlaceExposure: [.method], forward: { try $0.tensor("self").sign() }, inPlace: { try $0.tensor("self").sign_() }),
        OpDeclaration(
            "sgn(Tensor self) -> Tensor", gradFn: "SgnBackward0", exposure: [.torch, .method],
            inPlaceExposure: [.method], forward: { try $0.tensor("self").sgn() }, inPlace: { try $0.tensor("self").sgn_() }),
        OpDeclaration(
            "clamp(Tensor self, Scalar? min=None, Scalar? max=None) -> Tensor", gradFn: "ClampBackward1",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            samples: OpSamples(arguments: ["min": .scalar(.double(-0.5)), "max": .scalar(.double(0.5))]),
            forward: { try $0.tensor("self").clamp(min: $0.optionalScalar("min"), max: $0.optionalScalar("max")) },
            inPlace: { try $0.tensor("self").clamp_(min: $0.optionalScalar("min"), max: $0.optionalScalar("max")) }),
        OpDeclaration(
            "clamp.Tensor(Tensor self, Tensor? min=None, Tensor? max=None) -> Tensor", gradFn: "ClampBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            samples: OpSamples(shapes: ["min": [2, 3], "max": [3]], broadcasts: true),
            forward: { try $0.tensor("self").clamp(min: $0.optionalTensor("min"), max: $0.optionalTensor("max")) },
            inPlace: { try $0.tensor("self").clamp_(min: $0.optionalTensor("min"), max: $0.optionalTensor("max")) }),
        OpDeclaration(
            "clip(Tensor self, Scalar? min=None, Scalar? max=None) -> Tensor", gradFn: "ClampBackward1",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            samples: OpSamples(arguments: ["min": .scalar(.double(-0.5)), "max": .scalar(.double(0.5))]),
            forward: { try $0.tensor("self").clamp(min: $0.optionalScalar("min"), max: $0.optionalScalar("max")) },
            inPlace: { try $0.tensor("self").clamp_(min: $0.optionalScalar("min"), max: $0.optionalScalar("max")) }),
        OpDeclaration(
            "clip.Tensor(Tensor self, Tensor? min=None, Tensor? max=None) -> Tensor", gradFn: "ClampBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            samples: OpSamples(shapes: ["min": [2, 3], "max": [3]], broadcasts: true),
            forward: { try $0.tensor("self").clamp(min: $0.optionalTensor("min"), max: $0.optionalTensor("max")) },
            inPlace: { try $0.tensor("self").clamp_(min: $0.optionalTensor("min"), max: $0.optionalTensor("max")) }),
        OpDeclaration(
            "clamp_min(Tensor self, Scalar min) -> Tensor", gradFn: "ClampMinBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            samples: OpSamples(arguments: ["min": .scalar(.double(0.1))]),
            forward: { try $0.tensor("self").clampMin($0.scalar("min")) },
            inPlace: { try $0.tensor("self").clampMin_($0.scalar("min")) }),
        OpDeclaration(
            "clamp_min.Tensor(Tensor self, Tensor min) -> Tensor", gradFn: "ClampMinBackward1",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            samples: OpSamples(shapes: ["min": [3]], broadcasts: true),
            forward: { try $0.tensor("self").clampMin($0.tensor("min")) },
            inPlace: { try $0.tensor("self").clampMin_($0.tensor("min")) }),
        OpDeclaration(
            "clamp_max.Tensor(Tensor self, Tensor max) -> Tensor", gradFn: "ClampMaxBackward1",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            samples: OpSamples(shapes: ["max": [3]], broadcasts: true),
            forward: { try $0.tensor("self").clampMax($0.tensor("max")) },
            inPlace: { try $0.tensor("self").clampMax_($0.tensor("max")) }),
        OpDeclaration(
            "clamp_max(Tensor self, Scalar max) -> Tensor", gradFn: "ClampMaxBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            samples: OpSamples(arguments: ["max": .scalar(.double(0.1))]),
            forward: { try $0.tensor("self").clampMax($0.scalar("max")) },
            inPlace: { try $0.tensor("self").clampMax_($0.scalar("max")) })
    ]
}

private enum ExpF: UnaryFloatFunction { static func apply<T: FloatElement>(_ x: T) -> T { T.exp(x) } }
enum LogF: UnaryFloatFunction { static func apply<T: FloatElement>(_ x: T) -> T { T.log(x) } }
private enum SqrtF: UnaryFloatFunction { static func apply<T: FloatElement>(_ x: T) -> T { x.squareRoot() } }
private enum SinF: UnaryFloatFunction { static func apply<T: FloatElement>(_ x: T) -> T { T.sin(x) } }
private enum CosF: UnaryFloatFunction { static func apply<T: FloatElement>(_ x: T) -> T { T.cos(x) } }
private enum TanhF: UnaryFloatFunction { static func apply<T: FloatElement>(_ x: T) -> T { T.tanh(x) } }

private enum AbsF: SignedUnaryFunction {
    static func apply<T: FloatElement>(_ x: T) -> T { Swift.abs(x) }
    static func apply(_ x: Int64) -> Int64 { x == .min ? x : Swift.abs(x) }
}
private enum ReluF: SignedUnaryFunction {
    static func apply<T: FloatElement>(_ x: T) -> T { x.isNaN || x > 0 ? x : 0 }
    static func apply(_ x: Int64) -> Int64 { Swift.max(x, 0) }
}
private enum SignF: SignedUnaryFunction {
    static func apply<T: FloatElement>(_ x: T) -> T { x > 0 ? 1 : (x < 0 ? -1 : 0) }
    static func apply(_ x: Int64) -> Int64 { x.signum() }
}

/// `grad * (1 - y) * y`, the sigmoid derivative given its output.
private enum SigmoidGradF: BinaryFunction {
    static func apply<T: FloatElement>(_ g: T, _ y: T) -> T { g * (1 - y) * y }
    static func apply(_ g: Int64, _ y: Int64) -> Int64 { g &* (1 &- y) &* y }
    static func apply(_ g: Bool, _ y: Bool) -> Bool { g && !y && y }
}
/// `grad * (1 - y * y)`, the tanh derivative given its output, with `1 - y * y` as one fused multiply-add, as GCC compiles
/// tanh_backward_kernel in PyTorch's AVX-512 build (measured on float64).
private enum TanhGradF: BinaryFunction {
    static func apply<T: FloatElement>(_ g: T, _ y: T) -> T { g * T(1).addingProduct(-y, y) }
    static func apply(_ g: Int64, _ y: Int64) -> Int64 { g &* (1 &- y &* y) }
    static func apply(_ g: Bool, _ y: Bool) -> Bool { g && !y }
}

extension Tensor {
    /// Raises PyTorch's "not implemented for 'Bool'" error for kernels without a bool version.
    func rejectBool(_ kernel: String) throws {
        if dtype == .bool { throw TorchError.runtime("\"\(kernel)\" not implemented for 'Bool'") }
    }

    /// `exp(self)`; integer inputs give float32.
    public func exp() throws -> Tensor {
        let out = mapVectorMath(.exp, fallback: ExpF.self, self)
        record("exp", .expBackward0, inputs: [self], outputs: [out], saving: [.output("result", 0)]) { ctx in
            [try ctx.grad.mul(.tensor(ctx.saved(0)))]
        }
        return out
    }

    /// Natural logarithm.
    public func log() throws -> Tensor {
        let out = mapVectorMath(.log, fallback: LogF.self, self)
        record("log", .logBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            [try ctx.grad.div(.tensor(ctx.saved(0)))]
        }
        return out
    }

    /// Square root.
    public func sqrt() throws -> Tensor {
        let out = mapVectorMath(.sqrt, fallback: SqrtF.self, self)
        record("sqrt", .sqrtBackward0, inputs: [self], outputs: [out], saving: [.output("result", 0)]) { ctx in
            [try ctx.grad.div(.tensor(ctx.saved(0).mulScalar(2)))]
        }
        return out
    }

    /// Sine.
    public func sin() throws -> Tensor {
        let out = mapVectorMath(.sin, fallback: SinF.self, self)
        record("sin", .sinBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            [try ctx.grad.mul(.tensor(ctx.saved(0).cos()))]
        }
        return out
    }

    /// Cosine.
    public func cos() throws -> Tensor {
        let out = mapVectorMath(.cos, fallback: CosF.self, self)
        record("cos", .cosBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            [try ctx.grad.mul(.tensor(ctx.saved(0).sin().neg()))]
        }
        return out
    }

    /// Hyperbolic tangent.
    public func tanh() throws -> Tensor {
        let out = mapVectorMath(.tanh, fallback: TanhF.self, self)
        record("tanh", .tanhBackward0, inputs: [self], outputs: [out], saving: [.output("result", 0)]) { ctx in
            [try Tensor.tanhBackward(ctx.grad, ctx.saved(0))]
        }
        return out
    }

    /// Logistic sigmoid `1 / (1 + exp(-self))`.
    public func sigmoid() throws -> Tensor {
        let out = sigmoidValues(self)
        record("sigmoid", .sigmoidBackward0, inputs: [self], outputs: [out], saving: [.output("result", 0)]) { ctx in
            [try Tensor.sigmoidBackward(ctx.grad, ctx.saved(0))]
        }
        return out
    }

    /// `max(self, 0)`; keeps integer dtypes.
    public func relu() throws -> Tensor {
        if dtype == .bool { throw TorchError.runtime("Boolean inputs not supported for relu") }
        let out = mapSigned(ReluF.self, self)
        record("relu", .reluBackward0, inputs: [self], outputs: [out], saving: [.output("result", 0)]) { ctx in
            [try Tensor.thresholdBackward(ctx.grad, ctx.saved(0), threshold: 0)]
        }
        return out
    }

    /// Absolute value; keeps integer dtypes.
    public func abs() throws -> Tensor {
        try rejectBool("abs_cpu")
        let out = mapSigned(AbsF.self, self)
        record("abs", .absBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            [try ctx.grad.mul(.tensor(ctx.saved(0).sgn()))]
        }
        return out
    }

    /// -1, 0 or 1 per element (`torch.sign`); its gradient is zero.
    public func sign() throws -> Tensor { try signLike("sign", .signBackward0) }

    /// `torch.sgn`, which for real tensors equals `sign` (SgnBackward0).
    public func sgn() throws -> Tensor { try signLike("sgn", .sgnBackward0) }

    private func signLike(_ op: String, _ backward: NodeKind) throws -> Tensor {
        let out = dtype == .bool ? materialized() : mapSigned(SignF.self, self)
        record(op, backward, inputs: [self], outputs: [out]) { ctx in
            [Tensor.zeros(ctx.grad.shape, dtype: ctx.grad.dtype)]
        }
        return out
    }

    /// `torch.clamp(self, min, max)` (ClampBackward1); at least one bound is required.
    public func clamp(min low: ScalarValue? = nil, max high: ScalarValue? = nil) throws -> Tensor {
        guard low != nil || high != nil else {
            throw TorchError.runtime("torch.clamp: At least one of 'min' or 'max' must not be None")
        }
        let out = try clampForward(low, high)
        let (lo, hi) = (low?.doubleValue, high?.doubleValue)
        record("clamp", .clampBackward1, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            let s = try ctx.saved(0)
            var mask: Tensor? = nil
            // PyTorch 2.15 passes the gradient only strictly inside the bounds (not at them, not NaN).
            if let lo { mask = try s.gt(.scalar(.double(lo))) }
            if let hi {
                let upper = try s.lt(.scalar(.double(hi)))
                mask = try mask.map { try $0.logicalAnd(upper) } ?? upper
            }
            guard let mask else { return [ctx.grad] }
            return [try Tensor.maskedWhere(mask, ctx.grad, Tensor.scalar(0, dtype: ctx.grad.dtype))]
        }
        return out
    }

    /// `clamp(min:max:)` with Double bounds.
    public func clamp(min low: Double? = nil, max high: Double? = nil) throws -> Tensor {
        try clamp(min: low.map { ScalarValue.double($0) }, max: high.map { ScalarValue.double($0) })
    }

    /// `torch.clamp_min(self, min)` (ClampMinBackward0).
    public func clampMin(_ low: ScalarValue) throws -> Tensor {
        let out = try clampForward(low, nil)
        let lo = low.doubleValue
        record("clamp_min", .clampMinBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            let mask = try ctx.saved(0).gt(.scalar(.double(lo)))
            return [try Tensor.maskedWhere(mask, ctx.grad, Tensor.scalar(0, dtype: ctx.grad.dtype))]
        }
        return out
    }

    /// `torch.clamp_max(self, max)` (ClampMaxBackward0).
    public func clampMax(_ high: ScalarValue) throws -> Tensor {
        let out = try clampForward(nil, high)
        let hi = high.doubleValue
        record("clamp_max", .clampMaxBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            let mask = try ctx.saved(0).lt(.scalar(.double(hi)))
            return [try Tensor.maskedWhere(mask, ctx.grad, Tensor.scalar(0, dtype: ctx.grad.dtype))]
        }
        return out
    }

    /// The clamped values in the promoted dtype of self and the bounds.
    private func clampForward(_ low: ScalarValue?, _ high: ScalarValue?) throws -> Tensor {
        let dt = resultType([self], scalars: [low, high].compactMap { $0 })
        if dt == .bool { throw TorchError.runtime("\"clamp_scalar_cpu\" not implemented for 'Bool'") }
        return clampValues(self, low: low?.doubleValue, high: high?.doubleValue, dtype: dt)
    }

    /// `exp_()`.
    @discardableResult
    public func exp_() throws -> Tensor { try inPlaceMath("exp_") { try exp() } }

    /// `log_()`.
    @discardableResult
    public func log_() throws -> Tensor { try inPlaceMath("log_") { try log() } }

    /// `sqrt_()`.
    @discardableResult
    public func sqrt_() throws -> Tensor { try inPlaceMath("sqrt_") { try sqrt() } }

    /// `sin_()`.
    @discardableResult
    public func sin_() throws -> Tensor { try inPlaceMath("sin_") { try sin() } }

    /// `cos_()`.
    @discardableResult
    public func cos_() throws -> Tensor { try inPlaceMath("cos_") { try cos() } }

    /// `tanh_()`.
    @discardableResult
    public func tanh_() throws -> Tensor { try inPlaceMath("tanh_") { try tanh() } }

    /// `sigmoid_()`.
    @discardableResult
    public func sigmoid_() throws -> Tensor { try inPlaceMath("sigmoid_") { try sigmoid() } }

    /// `relu_()`.
    @discardableResult
    public func relu_() throws -> Tensor { try inPlaceMath("relu_") { try relu() } }

    /// `abs_()`.
    @discardableResult
    public func abs_() throws -> Tensor { try inPlaceMath("abs_") { try abs() } }

    /// `clamp_(min, max)`.
    @discardableResult
    public func clamp_(min low: ScalarValue? = nil, max high: ScalarValue? = nil) throws -> Tensor {
        try inPlaceMath("clamp_") { try clamp(min: low, max: high) }
    }

    /// `clamp_(min, max)` with Double bounds.
    @discardableResult
    public func clamp_(min low: Double? = nil, max high: Double? = nil) throws -> Tensor {
        try inPlaceMath("clamp_") { try clamp(min: low, max: high) }
    }

    /// `clamp_min_(min)`.
    @discardableResult
    public func clampMin_(_ low: ScalarValue) throws -> Tensor { try inPlaceMath("clamp_min_") { try clampMin(low) } }

    /// `clamp_max_(max)`.
    @discardableResult
    public func clampMax_(_ high: ScalarValue) throws -> Tensor { try inPlaceMath("clamp_max_") { try clampMax(high) } }

    /// `sign_()`.
    @discardableResult
    public func sign_() throws -> Tensor { try inPlaceMath("sign_") { try sign() } }

    /// `sgn_()`.
    @discardableResult
    public func sgn_() throws -> Tensor { try inPlaceMath("sgn_") { try sgn() } }

    /// `sigmoid_backward(grad, output)`: recorded as SigmoidBackwardBackward0 so double
    /// backward through sigmoid matches PyTorch.
    static func sigmoidBackward(_ grad: Tensor, _ output: Tensor) throws -> Tensor {
        let out = try mapBinary(SigmoidGradF.self, grad, output, dtype: resultType([grad, output]))
        record(
            "sigmoid_backward", .sigmoidBackwardBackward0, inputs: [grad, output], outputs: [out],
            saving: [.input("grad_output", grad), .input("output", output)]
        ) { ctx in
            let gradOutput = try ctx.saved(0)
            let y = try ctx.saved(1)
            return [
                ctx.needsGrad(0) ? try sigmoidBackward(ctx.grad, y) : nil,
                ctx.needsGrad(1) ? try ctx.grad.mul(.tensor(gradOutput)).mul(.tensor(y.mulScalar(-2).add(.scalar(.int(1))))) : nil
            ]
        }
        return out
    }

    /// `tanh_backward(grad, output)` (TanhBackwardBackward0 under create_graph).
    static func tanhBackward(_ grad: Tensor, _ output: Tensor) throws -> Tensor {
        let out = try mapBinary(TanhGradF.self, grad, output, dtype: resultType([grad, output]))
        record(
            "tanh_backward", .tanhBackwardBackward0, inputs: [grad, output], outputs: [out],
            saving: [.input("grad_output", grad), .input("output", output)]
        ) { ctx in
            let gradOutput = try ctx.saved(0)
            let y = try ctx.saved(1)
            return [
                ctx.needsGrad(0) ? try tanhBackward(ctx.grad, y) : nil,
                ctx.needsGrad(1) ? try ctx.grad.mul(.tensor(y.mulScalar(-2).mul(.tensor(gradOutput)))) : nil
            ]
        }
        return out
    }

    /// `threshold_backward(grad, self, threshold)`: zero where `self <= threshold`, else the
    /// gradient (so a NaN `self` passes it, as in PyTorch) (ThresholdBackwardBackward0 under
    /// create_graph).
    static func thresholdBackward(_ grad: Tensor, _ input: Tensor, threshold: Double) throws -> Tensor {
        let mask = try input.le(.scalar(.double(threshold)))
        let out = try selectWhere(mask, Tensor.scalar(0, dtype: grad.dtype), grad, dtype: grad.dtype)
        let inputShape = input.shape
        record(
            "threshold_backward", .thresholdBackwardBackward0, inputs: [grad, input], outputs: [out],
            saving: [.input("self", input)]
        ) { ctx in
            [
                ctx.needsGrad(0) ? try thresholdBackward(ctx.grad, ctx.saved(0), threshold: threshold) : nil,
                ctx.needsGrad(1) ? Tensor.zeros(inputShape, dtype: ctx.grad.dtype) : nil
            ]
        }
        return out
    }
}

extension NodeKind {
    static let absBackward0 = NodeKind("AbsBackward0")
    static let clampBackward1 = NodeKind("ClampBackward1")
    static let clampMaxBackward0 = NodeKind("ClampMaxBackward0")
    static let clampMinBackward0 = NodeKind("ClampMinBackward0")
    static let cosBackward0 = NodeKind("CosBackward0")
    static let expBackward0 = NodeKind("ExpBackward0")
    static let logBackward0 = NodeKind("LogBackward0")
    static let reluBackward0 = NodeKind("ReluBackward0")
    static let sgnBackward0 = NodeKind("SgnBackward0")
    static let sigmoidBackward0 = NodeKind("SigmoidBackward0")
    static let sigmoidBackwardBackward0 = NodeKind("SigmoidBackwardBackward0")
    static let signBackward0 = NodeKind("SignBackward0")
    static let sinBackward0 = NodeKind("SinBackward0")
    static let sqrtBackward0 = NodeKind("SqrtBackward0")
    static let tanhBackward0 = NodeKind("TanhBackward0")
    static let tanhBackwardBackward0 = NodeKind("TanhBackwardBackward0")
    static let thresholdBackwardBackward0 = NodeKind("ThresholdBackwardBackward0")
}
