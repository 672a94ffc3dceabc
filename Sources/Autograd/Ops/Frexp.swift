import Foundation

/// `torch.frexp` (mantissa in ±[0.5, 1) and int32 exponent, C's `frexp`; FrexpBackward0 saves the
/// exponent) and `torch.ldexp` (`self * 2 ** other`; LdexpBackward0 saves other and result).
enum FrexpOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "frexp.Tensor(Tensor self) -> (Tensor mantissa, Tensor exponent)", gradFn: "FrexpBackward0",
            exposure: [.torch, .method],
            returningTuple: {
                let r = try $0.tensor("self").frexp()
                return [r.mantissa, r.exponent]
            }),
        OpDeclaration(
            "ldexp.Tensor(Tensor self, Tensor other) -> Tensor", gradFn: "LdexpBackward0", exposure: [.torch, .method],
            inPlaceExposure: [.method],
            samples: OpSamples(constants: ["other": OpSamples.Constant([1, -2, 0, 3, 1, -1], shape: [2, 3], dtype: .int64)]),
            forward: { try $0.tensor("self").ldexp($0.tensor("other")) },
            inPlace: { try $0.tensor("self").ldexp_($0.tensor("other")) })
    ]
}

extension Tensor {
    /// `torch.frexp(self)`: `self == mantissa * 2 ** exponent` elementwise, for floating-point
    /// tensors.
    public func frexp() throws -> (mantissa: Tensor, exponent: Tensor) {
        guard dtype.isFloatingPoint else { throw TorchError.runtime("torch.frexp() only supports floating-point dtypes") }
        let values = doubles()
        var mantissas = [Double]()
        var exponents = [Double]()
        for v in values {
            var e: Int32 = 0
            let m = dtype == .float64 ? Foundation.frexp(v, &e) : Double(frexpf(Float(v), &e))
            mantissas.append(m)
            exponents.append(Double(e))
        }
        let mantissa = Tensor.internalTensor(mantissas, shape: shape, dtype: dtype)
        let exponent = Tensor.internalTensor(exponents, shape: shape, dtype: .int32)
        record(
            "frexp", .frexpBackward0, inputs: [self], outputs: [mantissa, exponent],
            saving: [.output("exponent", 1)]
        ) { ctx in
            [try ctx.grad.div(.tensor(ctx.saved(0).exp2()))]
        }
        return (mantissa, exponent)
    }

    /// `torch.ldexp(self, other)`: `self * 2 ** other`, floating point even for integer inputs.
    public func ldexp(_ other: Tensor) throws -> Tensor {
        let out = try GradMode.noGrad { try mul(.tensor(Tensor.pow(base: 2.0, exponent: other))) }
        record(
            "ldexp", .ldexpBackward0, inputs: [self, other], outputs: [out],
            saving: [.input("other", other), .output("result", 0)]
        ) { ctx in
            let (exponent, result) = (try ctx.saved("other"), try ctx.saved("result"))
            return [
                ctx.needsGrad(0) ? try ctx.grad.mul(.tensor(Tensor.pow(base: 2.0, exponent: exponent))) : nil,
                ctx.needsGrad(1) ? try ctx.grad.mul(.tensor(result)).mul(.scalar(.double(Double.log(2)))) : nil
            ]
        }
        return out
    }

    /// `ldexp_(other)`.
    @discardableResult
    public func ldexp_(_ other: Tensor) throws -> Tensor {
        try inPlaceMath("ldexp_") { try ldexp(other) }
    }
}

extension NodeKind {
    static let frexpBackward0 = NodeKind("FrexpBackward0")
    static let ldexpBackward0 = NodeKind("LdexpBackward0")
}
