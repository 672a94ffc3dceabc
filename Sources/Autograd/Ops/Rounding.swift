#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Rounding to integers (`floor`, `ceil`, `round` with and without `decimals`) and the
/// fractional part: the declarations, the kernels of PyTorch's UnaryOpsKernel.cpp (exact, so
/// every path gives the same bits), each forward with its backward (derivatives.yaml: zeros for
/// the roundings, the gradient itself for `frac`) and the in-place variants.
enum RoundingOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "floor(Tensor self) -> Tensor", gradFn: "FloorBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            forward: { try $0.tensor("self").floor() }, inPlace: { try $0.tensor("self").floor_() }),
        OpDeclaration(
            "ceil(Tensor self) -> Tensor", gradFn: "CeilBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            forward: { try $0.tensor("self").ceil() }, inPlace: { try $0.tensor("self").ceil_() }),
        OpDeclaration(
            "round(Tensor self) -> Tensor", gradFn: "RoundBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            forward: { try $0.tensor("self").round() }, inPlace: { try $0.tensor("self").round_() }),
        OpDeclaration(
            "round.decimals(Tensor self, *, int decimals) -> Tensor", gradFn: "RoundBackward1",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            samples: OpSamples(arguments: ["decimals": .int(1)]),
            forward: { try $0.tensor("self").round(decimals: $0.int("decimals")) },
            inPlace: { try $0.tensor("self").round_(decimals: $0.int("decimals")) }),
        OpDeclaration(
            "frac(Tensor self) -> Tensor", gradFn: "FracBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            forward: { try $0.tensor("self").frac() }, inPlace: { try $0.tensor("self").frac_() })
    ]
}

private enum FloorF: SignedUnaryFunction {
    static func apply<T: FloatElement>(_ x: T) -> T { x.rounded(.down) }
    static func apply(_ x: Int64) -> Int64 { x }
}
private enum CeilF: SignedUnaryFunction {
    static func apply<T: FloatElement>(_ x: T) -> T { x.rounded(.up) }
    static func apply(_ x: Int64) -> Int64 { x }
}
/// C's `nearbyint` in the default rounding mode: halves to even.
private enum RoundF: SignedUnaryFunction {
    static func apply<T: FloatElement>(_ x: T) -> T { x.rounded(.toNearestOrEven) }
    static func apply(_ x: Int64) -> Int64 { x }
}
private enum FracF: UnaryFloatFunction {
    static func apply<T: FloatElement>(_ x: T) -> T { x - x.rounded(.towardZero) }
}

/// `round(x, decimals)` as round_decimals_kernel computes it: the power of ten in the tensor's
/// dtype, then `nearbyint(x * p) / p`, or `nearbyint(x / p) * p` for negative `decimals`.
private struct RoundDecimalsF: PointwiseFunction {
    /// `10^|decimals|`, worked out once per call rather than per element.
    let power: Double
    let negative: Bool

    init(decimals: Int) {
        power = pow(10, Double(Swift.abs(decimals)))
        negative = decimals < 0
    }

    func apply<T: FloatElement>(_ x: T) -> T {
        let scale = T(fromDouble: power)
        if negative { return (x / scale).rounded(.toNearestOrEven) * scale }
        return (x * scale).rounded(.toNearestOrEven) / scale
    }
}

extension Tensor {
    /// Rounds down; integer tensors are returned as a copy. The gradient is zero.
    public func floor() throws -> Tensor { try rounding("floor", .floorBackward0, FloorF.self) }

    /// Rounds up; integer tensors are returned as a copy. The gradient is zero.
    public func ceil() throws -> Tensor { try rounding("ceil", .ceilBackward0, CeilF.self) }

    /// Rounds to the nearest integer, halves to even; integer tensors are returned as a copy.
    /// The gradient is zero.
    public func round() throws -> Tensor { try rounding("round", .roundBackward0, RoundF.self) }

    /// Rounds to `decimals` decimal places (tens, hundreds, ... when negative), halves to even.
    public func round(decimals: Int) throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw TorchError.unsupportedOperation("\"round_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let out = mapPointwise(RoundDecimalsF(decimals: decimals), self)
        record("round", .roundBackward1, inputs: [self], outputs: [out]) { ctx in [Tensor.zerosLike(ctx.grad)] }
        return out
    }

    /// `self - trunc(self)`, with the sign of `self`; floating-point tensors only. The gradient
    /// passes through unchanged.
    public func frac() throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw TorchError.unsupportedOperation("\"frac_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let out = mapFloat(FracF.self, self)
        record("frac", .fracBackward0, inputs: [self], outputs: [out]) { ctx in [ctx.grad] }
        return out
    }

    /// `floor_()`.
    @discardableResult public func floor_() throws -> Tensor { try inPlaceMath("floor_") { try floor() } }
    /// `ceil_()`.
    @discardableResult public func ceil_() throws -> Tensor { try inPlaceMath("ceil_") { try ceil() } }
    /// `round_()`.
    @discardableResult public func round_() throws -> Tensor { try inPlaceMath("round_") { try round() } }
    /// `round_(decimals=)`.
    @discardableResult public func round_(decimals: Int) throws -> Tensor {
        try inPlaceMath("round_") { try round(decimals: decimals) }
    }
    /// `frac_()`.
    @discardableResult public func frac_() throws -> Tensor { try inPlaceMath("frac_") { try frac() } }

    /// One of the roundings to an integer: a copy for integer tensors, PyTorch's error for bool.
    private func rounding<F: SignedUnaryFunction>(_ op: String, _ gradFn: NodeKind, _ f: F.Type) throws -> Tensor {
        if dtype == .bool { throw TorchError.unsupportedOperation("\"\(op)_vml_cpu\" not implemented for 'Bool'") }
        let out = mapSigned(f, self)
        record(op, gradFn, inputs: [self], outputs: [out]) { ctx in [Tensor.zerosLike(ctx.grad)] }
        return out
    }
}

extension NodeKind {
    static let ceilBackward0 = NodeKind("CeilBackward0")
    static let floorBackward0 = NodeKind("FloorBackward0")
    static let fracBackward0 = NodeKind("FracBackward0")
    static let roundBackward0 = NodeKind("RoundBackward0")
    static let roundBackward1 = NodeKind("RoundBackward1")
}
