import CSleef
import RealModule

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Python's remaining numeric operators on tensors: `**` (pow, three overloads with their
/// own grad_fn names), `//` (floor_divide) and `%` (remainder): the declarations, the kernels,
/// each forward with its backward formula, and `pow_`.
enum PowOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "pow.Tensor_Scalar(Tensor self, Scalar exponent) -> Tensor", gradFn: "PowBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.method],
            samples: OpSamples(domain: .positive, arguments: ["exponent": .scalar(.double(2.5))]),
            forward: { try $0.tensor("self").pow($0.scalar("exponent")) },
            inPlace: { try $0.tensor("self").pow_($0.scalar("exponent")) }),
        OpDeclaration(
            "pow.Tensor_Tensor(Tensor self, Tensor exponent) -> Tensor", gradFn: "PowBackward1",
            exposure: [.torch, .method], inPlaceExposure: [.method],
            samples: OpSamples(domain: .positive, broadcasts: true),
            forward: { try $0.tensor("self").pow($0.tensor("exponent")) },
            inPlace: { try $0.tensor("self").pow_($0.tensor("exponent")) }),
        OpDeclaration(
            "pow.Scalar(Scalar self, Tensor exponent) -> Tensor", gradFn: "PowBackward2",
            exposure: [.torch], samples: OpSamples(arguments: ["self": .scalar(.double(2.5))]),
            forward: { try Tensor.pow(base: $0.scalar("self"), exponent: $0.tensor("exponent")) }),
        OpDeclaration(
            "floor_divide(Tensor self, Tensor other) -> Tensor", gradFn: nil,
            exposure: [.torch, .method],
            forward: { try $0.tensor("self").floorDivide($0.operand("other")) }),
        OpDeclaration(
            "remainder.Tensor(Tensor self, Tensor other) -> Tensor", gradFn: "RemainderBackward1",
            exposure: [.torch, .method], samples: OpSamples(broadcasts: true),
            forward: { try $0.tensor("self").remainder($0.operand("other")) })
    ]
}

/// `pow_tensor_tensor_kernel`'s floating `cpu_kernel_vec`: SLEEF's `pow` in the vector lanes,
/// the C library's `pow` elsewhere.
private struct PowTensorF: VectorisedBinaryFunction {
    func vector(_ a: Float, _ b: Float) -> Float { Sleef_powf1_u10purecfma(a, b) }
    func scalar(_ a: Float, _ b: Float) -> Float { powf(a, b) }
    func vector(_ a: Double, _ b: Double) -> Double { Sleef_powd1_u10purecfma(a, b) }
    func scalar(_ a: Double, _ b: Double) -> Double { Glibc.pow(a, b) }
}

private enum PowF: BinaryFunction {
    static func apply<T: FloatElement>(_ a: T, _ b: T) -> T {
        T(fromDouble: pow(a.doubleValue, b.doubleValue))
    }
    /// Exponentiation by squaring; a negative exponent gives ATen's `powi`: 1 for a base of 1,
    /// ±1 for -1, 0 otherwise (a number exponent is rejected before the kernel runs).
    static func apply(_ a: Int64, _ b: Int64) -> Int64 {
        if b < 0 { return a == 1 ? 1 : a == -1 ? (b & 1 == 0 ? 1 : -1) : 0 }
        var result: Int64 = 1
        var base = a
        var e = b
        while e > 0 {
            if e & 1 == 1 { result = result &* base }
            base = base &* base
            e >>= 1
        }
        return result
    }
    static func apply(_ a: Bool, _ b: Bool) -> Bool { a || !b }
}

/// Python's floor division as ATen's div_floor computes it (fmod, then a correction to the
/// floor); integer division by zero is rejected before the kernel runs.
enum FloorDivideF: BinaryFunction {
    static func apply<T: FloatElement>(_ a: T, _ b: T) -> T {
        if b == 0 { return a / b }
        let mod = a.truncatingRemainder(dividingBy: b)
        var div = (a - mod) / b
        if mod != 0 && (b < 0) != (mod < 0) { div -= 1 }
        if div == 0 { return (a / b < 0) ? -0.0 : 0 }
        var floored = div.rounded(.down)
        if div - floored > 0.5 { floored += 1 }
        return floored
    }
    static func apply(_ a: Int64, _ b: Int64) -> Int64 {
        if b == -1 { return 0 &- a }
        let q = a / b
        return (a % b != 0) && ((a < 0) != (b < 0)) ? q - 1 : q
    }
    static func apply(_ a: Bool, _ b: Bool) -> Bool { a && b }
}

/// Python's `%`: the result takes the sign of the divisor.
private enum RemainderF: BinaryFunction {
    static func apply<T: FloatElement>(_ a: T, _ b: T) -> T {
        var mod = a.truncatingRemainder(dividingBy: b)
        if mod != 0 && (b < 0) != (mod < 0) { mod += b }
        return mod
    }
    static func apply(_ a: Int64, _ b: Int64) -> Int64 {
        if b == -1 { return 0 }
        let r = a % b
        return r != 0 && (r < 0) != (b < 0) ? r + b : r
    }
    static func apply(_ a: Bool, _ b: Bool) -> Bool { false }
}

extension Tensor {
    /// `self ** exponent` with a Python number (PowBackward0); an int exponent keeps integer dtypes.
    public func pow(_ exponent: ScalarValue) throws -> Tensor {
        let dt = resultType([self], scalars: [exponent])
        if dt.isIntegral, case .int(let e) = exponent, e < 0 {
            throw TorchError.runtime("Integers to negative integer powers are not allowed.")
        }
        let e = exponent.doubleValue
        let out =
            dt.isFloatingPoint
            ? powScalarFloat(self, exponent: e, dtype: dt)
            : try mapBinary(PowF.self, self, Tensor.wrapped(exponent, dtype: dt), dtype: dt)
        record(
            "pow", .powBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)],
            keeping: [("exponent", .scalar(exponent))]
        ) { ctx in
            if e == 0 { return [Tensor.zeros(ctx.grad.shape, dtype: ctx.grad.dtype)] }
            return [try ctx.grad.mul(.tensor(ctx.saved(0).pow(.double(e - 1)).mulScalar(e)))]
        }
        return out
    }

    /// `self ** exponent` with a float exponent.
    public func pow(_ exponent: Double) throws -> Tensor { try pow(.double(exponent)) }

    /// `self ** exponent` elementwise with broadcasting (PowBackward1).
    public func pow(_ exponent: Tensor) throws -> Tensor {
        let dt = resultType([self, exponent])
        let out =
            dt.isFloatingPoint
            ? try mapVectorised(PowTensorF(), self, exponent, dtype: dt)
            : try mapBinary(PowF.self, self, exponent, dtype: dt)
        let (sa, sb) = (shape, exponent.shape)
        record(
            "pow", .powBackward1, inputs: [self, exponent], outputs: [out],
            saving: [.input("exponent", exponent), .input("self", self), .output("result", 0)]
        ) { ctx in
            let exp = try ctx.saved(0)
            let base = try ctx.saved(1)
            let zero = Tensor.scalar(0, dtype: ctx.grad.dtype)
            var grads: [Tensor?] = [nil, nil]
            if ctx.needsGrad(0) {
                // pow_backward_self: where(exponent == 0, 0, grad * (exponent * self.pow(exponent - 1)))
                let d = try ctx.grad.mul(.tensor(exp.mul(.tensor(base.pow(exp.sub(.scalar(.int(1))))))))
                grads[0] = try Tensor.maskedWhere(exp.eq(.scalar(.double(0))), zero, d).sumTo(sa)
            }
            if ctx.needsGrad(1) {
                // pow_backward_exponent: grad * where(self == 0 & exponent >= 0, 0, result * log(self))
                let cond = try base.eq(.scalar(.double(0))).logicalAnd(exp.ge(.scalar(.double(0))))
                let promoted = try base.to(resultType([base, exp]))
                let d = try Tensor.maskedWhere(cond, zero, ctx.saved(2).mul(.tensor(promoted.log())))
                grads[1] = try ctx.grad.mul(.tensor(d)).sumTo(sb)
            }
            return grads
        }
        return out
    }

    /// `base ** exponent` for a Python number base (`2 ** x`, PowBackward2).
    public static func pow(base: ScalarValue, exponent: Tensor) throws -> Tensor {
        let dt = resultType([exponent], scalars: [base])
        let out = try mapBinary(PowF.self, Tensor.wrapped(base, dtype: dt), exponent, dtype: dt)
        let b = base.doubleValue
        record(
            "pow", .powBackward2, inputs: [exponent], outputs: [out],
            saving: [.input("exponent", exponent), .output("result", 0)]
        ) { ctx in
            let scaled = try ctx.saved(1).mulScalar(Double.log(b))
            if b == 0 {
                let cond = try ctx.saved(0).ge(.scalar(.double(0)))
                return [try ctx.grad.mul(.tensor(maskedWhere(cond, Tensor.scalar(0, dtype: ctx.grad.dtype), scaled)))]
            }
            return [try ctx.grad.mul(.tensor(scaled))]
        }
        return out
    }

    /// `base ** exponent` for a float base.
    public static func pow(base: Double, exponent: Tensor) throws -> Tensor {
        try pow(base: .double(base), exponent: exponent)
    }

    /// `pow_(exponent)`.
    @discardableResult
    public func pow_(_ exponent: ScalarValue) throws -> Tensor {
        try inPlaceMath("pow_") { try pow(exponent) }
    }

    /// `pow_(exponent)` with a tensor exponent (broadcast to self's shape).
    @discardableResult
    public func pow_(_ exponent: Tensor) throws -> Tensor {
        try inPlaceMath("pow_") { try pow(exponent) }
    }

    /// `pow_(exponent)` with a float exponent.
    @discardableResult
    public func pow_(_ exponent: Double) throws -> Tensor { try pow_(.double(exponent)) }

    /// Raises PyTorch's error for integer division or remainder by zero.
    func checkIntegerDivisor(_ divisor: Tensor, dtype: DType) throws {
        if !dtype.isFloatingPoint && divisor.doubles().contains(0) {
            throw TorchError.runtime("ZeroDivisionError")
        }
    }

    /// `self // other` (`torch.floor_divide`): rounds toward negative infinity. Not differentiable.
    public func floorDivide(_ other: Operand) throws -> Tensor {
        let (dt, o) = promote(other)
        try checkIntegerDivisor(o, dtype: dt)
        let out = try mapBinary(FloorDivideF.self, self, o, dtype: dt)
        reportNonDifferentiable("floor_divide", inputs: [self, o], outputs: [out])
        return out
    }

    /// `self % other` (`torch.remainder`): the result has the sign of the divisor.
    /// RemainderBackward0 for a Python number, RemainderBackward1 for a tensor.
    public func remainder(_ other: Operand) throws -> Tensor {
        let (dt, o) = promote(other)
        try checkIntegerDivisor(o, dtype: dt)
        let out = try mapBinary(RemainderF.self, self, o, dtype: dt)
        guard case .tensor = other else {
            record("remainder", .remainderBackward0, inputs: [self], outputs: [out]) { ctx in [ctx.grad] }
            return out
        }
        let (sa, sb) = (shape, o.shape)
        record(
            "remainder", .remainderBackward1, inputs: [self, o], outputs: [out],
            saving: [.input("self", self), .input("other", o)]
        ) { ctx in
            [
                ctx.needsGrad(0) ? try ctx.grad.sumTo(sa) : nil,
                ctx.needsGrad(1)
                    ? try ctx.grad.neg().mul(.tensor(ctx.saved(0).floorDivide(.tensor(ctx.saved(1))))).sumTo(sb) : nil
            ]
        }
        return out
    }
}

extension NodeKind {
    static let powBackward0 = NodeKind("PowBackward0")
    static let powBackward1 = NodeKind("PowBackward1")
    static let powBackward2 = NodeKind("PowBackward2")
    static let remainderBackward0 = NodeKind("RemainderBackward0")
    static let remainderBackward1 = NodeKind("RemainderBackward1")
}
