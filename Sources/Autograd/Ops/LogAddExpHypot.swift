import CSleef

#if canImport(Glibc)
    import Glibc
#endif

/// `xlogy`, `logaddexp`, `logaddexp2` and `hypot`: the declarations, the kernels PyTorch 2.15
/// computes them with (xlogy with the C library's `log` on every element, the others through
/// `cpu_kernel_vec`: SLEEF on whole vector blocks, the C library elsewhere, see
/// `VectorisedSplit`), each forward with its backward formula as derivatives.yaml writes it, and
/// the in-place variants.
enum LogAddExpHypotOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "xlogy.Tensor(Tensor self, Tensor other) -> Tensor", gradFn: "XlogyBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            samples: OpSamples(domain: .positive, broadcasts: true),
            forward: { try Tensor.xlogy($0.tensor("self"), $0.tensor("other")) },
            inPlace: { try $0.tensor("self").xlogy_(.tensor($0.tensor("other"))) }),
        OpDeclaration(
            "xlogy.Scalar_Self(Scalar self, Tensor other) -> Tensor", gradFn: "XlogyBackward1",
            exposure: [.torch], samples: OpSamples(domain: .positive, arguments: ["self": .scalar(.double(1.5))]),
            forward: { try Tensor.xlogy($0.scalar("self"), $0.tensor("other")) }),
        OpDeclaration(
            "xlogy.Scalar_Other(Tensor self, Scalar other) -> Tensor", gradFn: "XlogyBackward2",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            samples: OpSamples(arguments: ["other": .scalar(.double(2.5))]),
            forward: { try Tensor.xlogy($0.tensor("self"), $0.scalar("other")) },
            inPlace: { try $0.tensor("self").xlogy_(.scalar($0.scalar("other"))) }),
        OpDeclaration(
            "logaddexp(Tensor self, Tensor other) -> Tensor", gradFn: "LogaddexpBackward0",
            exposure: [.torch, .method], samples: OpSamples(broadcasts: true),
            forward: { try $0.tensor("self").logaddexp($0.tensor("other")) }),
        OpDeclaration(
            "logaddexp2(Tensor self, Tensor other) -> Tensor", gradFn: "Logaddexp2Backward0",
            exposure: [.torch, .method], samples: OpSamples(broadcasts: true),
            forward: { try $0.tensor("self").logaddexp2($0.tensor("other")) }),
        OpDeclaration(
            "hypot(Tensor self, Tensor other) -> Tensor", gradFn: "HypotBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.method], samples: OpSamples(broadcasts: true),
            forward: { try $0.tensor("self").hypot($0.tensor("other")) },
            inPlace: { try $0.tensor("self").hypot_($0.tensor("other")) })
    ]
}

/// ATen's `xlogy_kernel`: NaN where `y` is NaN, else 0 where `x` is 0, else `x * log(y)`.
private enum XlogyF: BinaryFunction {
    static func apply<T: FloatElement>(_ x: T, _ y: T) -> T { y.isNaN ? .nan : x == 0 ? 0 : x * T.log(y) }
    static func apply(_ a: Int64, _ b: Int64) -> Int64 { 0 }
    static func apply(_ a: Bool, _ b: Bool) -> Bool { false }
}

/// `logaddexp_kernel`: `max(a, b) + log1p(exp(-|a - b|))`, `a` where both are the same infinity.
private struct LogaddexpF: VectorisedBinaryFunction {
    func vector(_ a: Float, _ b: Float) -> Float {
        a == b && a.isInfinite ? a : nanMaximum(a, b) + Sleef_log1pf1_u10purecfma(Sleef_expf1_u10purecfma(-Swift.abs(a - b)))
    }
    func scalar(_ a: Float, _ b: Float) -> Float {
        a == b && a.isInfinite ? a : Swift.max(a, b) + log1pf(expf(-Swift.abs(a - b)))
    }
    func vector(_ a: Double, _ b: Double) -> Double {
        a == b && a.isInfinite ? a : nanMaximum(a, b) + Sleef_log1pd1_u10purecfma(Sleef_expd1_u10purecfma(-Swift.abs(a - b)))
    }
    func scalar(_ a: Double, _ b: Double) -> Double {
        a == b && a.isInfinite ? a : Swift.max(a, b) + Glibc.log1p(Glibc.exp(-Swift.abs(a - b)))
    }
}

/// `logaddexp2_kernel`: `max(a, b) + log1p(exp2(-|a - b|)) / ln 2`, the last product and sum
/// fused into one rounding (PyTorch's build contracts them, in both of its paths).
private struct Logaddexp2F: VectorisedBinaryFunction {
    private let invLn2 = 1 / 0.693_147_180_559_945_309_417_232_121_458
    func vector(_ a: Float, _ b: Float) -> Float {
        a == b && a.isInfinite
            ? a
            : nanMaximum(a, b).addingProduct(
                Sleef_log1pf1_u10purecfma(Sleef_exp2f1_u10purecfma(-Swift.abs(a - b))), Float(invLn2))
    }
    func scalar(_ a: Float, _ b: Float) -> Float {
        a == b && a.isInfinite ? a : Swift.max(a, b).addingProduct(log1pf(exp2f(-Swift.abs(a - b))), Float(invLn2))
    }
    func vector(_ a: Double, _ b: Double) -> Double {
        a == b && a.isInfinite
            ? a
            : nanMaximum(a, b).addingProduct(
                Sleef_log1pd1_u10purecfma(Sleef_exp2d1_u10purecfma(-Swift.abs(a - b))), invLn2)
    }
    func scalar(_ a: Double, _ b: Double) -> Double {
        a == b && a.isInfinite ? a : Swift.max(a, b).addingProduct(Glibc.log1p(Glibc.exp2(-Swift.abs(a - b))), invLn2)
    }
}

/// `hypot_kernel`: SLEEF's 0.5-ulp `hypot` in the vector lanes, the C library's elsewhere.
private struct HypotF: VectorisedBinaryFunction {
    func vector(_ a: Float, _ b: Float) -> Float { Sleef_hypotf1_u05purecfma(a, b) }
    func scalar(_ a: Float, _ b: Float) -> Float { hypotf(a, b) }
    func vector(_ a: Double, _ b: Double) -> Double { Sleef_hypotd1_u05purecfma(a, b) }
    func scalar(_ a: Double, _ b: Double) -> Double { Glibc.hypot(a, b) }
}

/// ATen's vectorised `maximum`: NaN when either operand is NaN.
@inline(__always)
private func nanMaximum<T: FloatingPoint>(_ a: T, _ b: T) -> T { a.isNaN || b.isNaN ? .nan : Swift.max(a, b) }

extension Tensor {
    /// `torch.xlogy(self, other)`: `self * log(other)`, zero where `self` is zero and `other` is
    /// not NaN; integer operands give float32 (XlogyBackward0).
    public static func xlogy(_ x: Tensor, _ y: Tensor) throws -> Tensor {
        let (dtype, other) = x.promote(.tensor(y), floatResult: true)
        let out = try mapBinary(XlogyF.self, x, other, dtype: dtype)
        let (sx, sy) = (x.shape, y.shape)
        record(
            "xlogy", .xlogyBackward0, inputs: [x, y], outputs: [out], saving: [.input("self", x), .input("other", y)]
        ) { ctx in
            let (a, b) = (try ctx.saved("self"), try ctx.saved("other"))
            let undefined = try a.eq(.scalar(.double(0))).logicalAnd(b.le(.scalar(.double(0))))
            return [
                ctx.needsGrad(0)
                    ? try xlogy(ctx.grad, b).maskedFill(mask: undefined, value: .scalar(.double(0))).sumTo(sx) : nil,
                ctx.needsGrad(1) ? try ctx.grad.mul(.tensor(a)).div(.tensor(b)).sumTo(sy) : nil
            ]
        }
        return out
    }

    /// `torch.xlogy(number, other)` (XlogyBackward1).
    public static func xlogy(_ x: ScalarValue, _ y: Tensor) throws -> Tensor {
        var dtype = resultType([y], scalars: [x])
        if !dtype.isFloatingPoint { dtype = .float32 }
        let out = try mapBinary(XlogyF.self, Tensor.wrapped(x, dtype: x.wrappedDType), y, dtype: dtype)
        record(
            "xlogy", .xlogyBackward1, inputs: [y], outputs: [out], saving: [.input("other", y)],
            keeping: [("self", .scalar(x))]
        ) { ctx in
            [try ctx.grad.mul(.scalar(x)).div(.tensor(ctx.saved("other")))]
        }
        return out
    }

    /// `torch.xlogy(self, number)` (XlogyBackward2).
    public static func xlogy(_ x: Tensor, _ y: ScalarValue) throws -> Tensor {
        let (dtype, other) = x.promote(.scalar(y), floatResult: true)
        let out = try mapBinary(XlogyF.self, x, other, dtype: dtype)
        record(
            "xlogy", .xlogyBackward2, inputs: [x], outputs: [out], saving: [.input("self", x)],
            keeping: [("other", .scalar(y))]
        ) { ctx in
            let grad = try xlogy(ctx.grad, y)
            guard y.doubleValue <= 0 else { return [grad] }
            return [try grad.maskedFill(mask: ctx.saved("self").eq(.scalar(.double(0))), value: .scalar(.double(0)))]
        }
        return out
    }

    /// `xlogy_(other)`.
    @discardableResult
    public func xlogy_(_ other: Operand) throws -> Tensor {
        try inPlaceMath("xlogy_") {
            switch other {
            case .tensor(let t): return try Tensor.xlogy(self, t)
            case .scalar(let s): return try Tensor.xlogy(self, s)
            }
        }
    }

    /// The common floating dtype of a binary op whose kernel takes floating types only.
    private func floatingResultType(_ other: Tensor, kernel: String) throws -> DType {
        let dtype = resultType([self, other])
        guard dtype.isFloatingPoint else {
            throw TorchError.unsupportedOperation("\"\(kernel)\" not implemented for '\(dtype.scalarTypeName)'")
        }
        return dtype
    }

    /// `log(exp(self) + exp(other))` without overflow; backward `grad / (1 + exp(other - self))`
    /// for `self`, and the mirror for `other`.
    public func logaddexp(_ other: Tensor) throws -> Tensor {
        try logAddExp(other, LogaddexpF(), "logaddexp", .logaddexpBackward0) { try $0.exp() }
    }

    /// `log2(2**self + 2**other)`; backward `grad / (1 + 2**(other - self))` for `self`, and
    /// the mirror for `other`.
    public func logaddexp2(_ other: Tensor) throws -> Tensor {
        try logAddExp(other, Logaddexp2F(), "logaddexp2", .logaddexp2Backward0) { try Tensor.pow(base: .int(2), exponent: $0) }
    }

    /// `logaddexp` in the base `power` raises to: the kernel `f`, and the backward
    /// `grad / (1 + power(other - self))` for `self`, and the mirror for `other`.
    private func logAddExp<F: VectorisedBinaryFunction>(
        _ other: Tensor, _ f: F, _ op: String, _ backward: NodeKind, power: @escaping (Tensor) throws -> Tensor
    ) throws -> Tensor {
        let out = try mapVectorised(f, self, other, dtype: floatingResultType(other, kernel: "\(op)_cpu"))
        let (sa, sb) = (shape, other.shape)
        record(op, backward, inputs: [self, other], outputs: [out], saving: [.input("self", self), .input("other", other)]) {
            ctx in
            let (a, b) = (try ctx.saved("self"), try ctx.saved("other"))
            return [
                ctx.needsGrad(0) ? try ctx.grad.div(.tensor(power(b.sub(.tensor(a))).addScalar(1))).sumTo(sa) : nil,
                ctx.needsGrad(1) ? try ctx.grad.div(.tensor(power(a.sub(.tensor(b))).addScalar(1))).sumTo(sb) : nil
            ]
        }
        return out
    }

    /// `sqrt(self² + other²)` without overflow; backward `grad * self / result` and
    /// `grad * other / result`.
    public func hypot(_ other: Tensor) throws -> Tensor {
        let out = try mapVectorised(HypotF(), self, other, dtype: floatingResultType(other, kernel: "hypot_cpu"))
        let (sa, sb) = (shape, other.shape)
        record(
            "hypot", .hypotBackward0, inputs: [self, other], outputs: [out],
            saving: [.input("self", self), .input("other", other), .output("result", 0)]
        ) { ctx in
            let (a, b, result) = (try ctx.saved("self"), try ctx.saved("other"), try ctx.saved("result"))
            return [
                ctx.needsGrad(0) ? try ctx.grad.mul(.tensor(a)).div(.tensor(result)).sumTo(sa) : nil,
                ctx.needsGrad(1) ? try ctx.grad.mul(.tensor(b)).div(.tensor(result)).sumTo(sb) : nil
            ]
        }
        return out
    }

    /// `hypot_(other)`.
    @discardableResult
    public func hypot_(_ other: Tensor) throws -> Tensor { try inPlaceMath("hypot_") { try hypot(other) } }
}

extension NodeKind {
    static let hypotBackward0 = NodeKind("HypotBackward0")
    static let logaddexp2Backward0 = NodeKind("Logaddexp2Backward0")
    static let logaddexpBackward0 = NodeKind("LogaddexpBackward0")
    static let xlogyBackward0 = NodeKind("XlogyBackward0")
    static let xlogyBackward1 = NodeKind("XlogyBackward1")
    static let xlogyBackward2 = NodeKind("XlogyBackward2")
}
