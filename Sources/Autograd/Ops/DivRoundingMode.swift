/// `torch.div(self, other, rounding_mode=...)` (`div.Tensor_mode`, DivBackward2): no rounding
/// is true division with div's gradients; `"trunc"` and `"floor"` round the quotient toward
/// zero or down in the operands' promoted dtype (integers stay integers) and pass zero
/// gradients, as derivatives.yaml's div_tensor_self_backward / other_backward do.
enum DivRoundingModeOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "div.Tensor_mode(Tensor self, Tensor other, *, str? rounding_mode) -> Tensor", gradFn: "DivBackward2",
            exposure: [.torch, .method], inPlaceExposure: [.method],
            samples: OpSamples(arguments: ["rounding_mode": .string("floor")]),
            forward: { try $0.tensor("self").div($0.operand("other"), roundingMode: $0.optionalString("rounding_mode")) },
            inPlace: { try $0.tensor("self").div_($0.operand("other"), roundingMode: $0.optionalString("rounding_mode")) })
    ]
}

/// Division rounded toward zero (C++'s integer division, `trunc(a / b)` for floating point).
private enum TruncDivideF: BinaryFunction {
    static func apply<T: FloatElement>(_ a: T, _ b: T) -> T { (a / b).rounded(.towardZero) }
    static func apply(_ a: Int64, _ b: Int64) -> Int64 { a.dividedReportingOverflow(by: b).partialValue }
    static func apply(_ a: Bool, _ b: Bool) -> Bool { a && b }
}

extension Tensor {
    /// `div(other, rounding_mode=)` (DivBackward2): `nil` divides exactly, `"trunc"` and
    /// `"floor"` round the quotient.
    public func div(_ other: Operand, roundingMode: String?) throws -> Tensor {
        guard let roundingMode else { return try divided(by: other, node: .divBackward2) }
        guard roundingMode == "trunc" || roundingMode == "floor" else {
            throw TorchError.runtime(
                "div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '\(roundingMode)'")
        }
        let (dt, o) = promote(other)
        try checkIntegerDivisor(o, dtype: dt)
        let out =
            roundingMode == "floor"
            ? try mapBinary(FloorDivideF.self, self, o, dtype: dt) : try mapBinary(TruncDivideF.self, self, o, dtype: dt)
        let (sa, sb) = (shape, o.shape)
        record("div", .divBackward2, inputs: [self, o], outputs: [out]) { ctx in
            [
                ctx.needsGrad(0) ? try ctx.grad.mulScalar(0).sumTo(sa) : nil,
                ctx.needsGrad(1) ? try ctx.grad.mulScalar(0).sumTo(sb) : nil
            ]
        }
        return out
    }

    /// `div_(other, rounding_mode=)`.
    @discardableResult
    public func div_(_ other: Operand, roundingMode: String?) throws -> Tensor {
        try inPlaceMath("div_") { try div(other, roundingMode: roundingMode) }
    }
}

extension NodeKind {
    static let divBackward2 = NodeKind("DivBackward2")
}
