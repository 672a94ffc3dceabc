import CSleef

#if canImport(Glibc)
    import Glibc
#endif

/// `acosh` and `atanh` (their NumPy-style names `arccosh` and `arctanh`, and `arcsinh` for
/// `asinh`, are `OpAliases`): the declarations, PyTorch 2.15's kernels (the C library's `acosh`
/// on every element; `atanh` through `cpu_kernel_vec`, SLEEF on whole vector blocks), each
/// forward with its backward as derivatives.yaml writes it, and the in-place variants, whose
/// grad_fn (AcoshBackward1, AtanhBackward1; `asinh_`'s AsinhBackward1 too) fails in backward as
/// PyTorch's does. Integer inputs give float32.
enum InverseHyperbolicOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "acosh(Tensor self) -> Tensor", gradFn: "AcoshBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            underivedInPlaceGradFn: "AcoshBackward1",
            samples: OpSamples(domain: .aboveOne),
            forward: { try $0.tensor("self").acosh() },
            inPlace: { try $0.tensor("self").acosh_() }),
        OpDeclaration(
            "atanh(Tensor self) -> Tensor", gradFn: "AtanhBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            underivedInPlaceGradFn: "AtanhBackward1",
            samples: OpSamples(domain: .unitInterval),
            forward: { try $0.tensor("self").atanh() }, inPlace: { try $0.tensor("self").atanh_() })
    ]
}

private enum AcoshF: UnaryFloatFunction { static func apply<T: FloatElement>(_ x: T) -> T { T.acosh(x) } }

/// `atanh_kernel`: SLEEF's 1-ulp `atanh` in the vector lanes, the C library's elsewhere.
private struct AtanhF: VectorisedUnaryFunction {
    func vector(_ x: Float) -> Float { Sleef_atanhf1_u10purecfma(x) }
    func scalar(_ x: Float) -> Float { atanhf(x) }
    func vector(_ x: Double) -> Double { Sleef_atanhd1_u10purecfma(x) }
    func scalar(_ x: Double) -> Double { Glibc.atanh(x) }
}

extension Tensor {
    /// Inverse hyperbolic cosine (NaN below 1); backward `grad * rsqrt(self² - 1)`.
    public func acosh() throws -> Tensor {
        let out = mapFloat(AcoshF.self, self)
        record("acosh", .acoshBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            let x = try ctx.saved(0)
            return [try ctx.grad.mul(.tensor(x.mul(.tensor(x)).sub(.scalar(.int(1))).rsqrt()))]
        }
        return out
    }

    /// Inverse hyperbolic tangent (±inf at ±1, NaN outside); backward `grad * 1 / (1 - self²)`.
    public func atanh() throws -> Tensor {
        let out = mapVectorised(AtanhF(), self)
        record("atanh", .atanhBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            [try ctx.grad.mul(.scalar(.int(1))).div(.tensor(ctx.saved(0).pow(2).rsub(.int(1))))]
        }
        return out
    }

    /// `acosh_()`: its grad_fn, AcoshBackward1, has no derivative (PyTorch's
    /// `not_implemented("inplace version of acosh")`).
    @discardableResult
    public func acosh_() throws -> Tensor {
        try inPlaceMath("acosh_") { recordedWithoutDerivative("acosh", .acoshBackward1, mapFloat(AcoshF.self, self)) }
    }

    /// `atanh_()`: AtanhBackward1, which has no derivative.
    @discardableResult
    public func atanh_() throws -> Tensor {
        try inPlaceMath("atanh_") { recordedWithoutDerivative("atanh", .atanhBackward1, mapVectorised(AtanhF(), self)) }
    }

    /// `values` of `op` recorded as its in-place variant with grad_fn `node` (`AcoshBackward1`
    /// for acosh), whose backward throws PyTorch's not-implemented error.
    func recordedWithoutDerivative(_ op: String, _ node: NodeKind, _ values: Tensor) -> Tensor {
        record(op, node, inputs: [self], outputs: [values]) { _ in
            throw TorchError.unsupportedOperation("the derivative for 'inplace version of \(op)' is not implemented.")
        }
        return values
    }
}

extension NodeKind {
    static let acoshBackward0 = NodeKind("AcoshBackward0")
    static let acoshBackward1 = NodeKind("AcoshBackward1")
    static let asinhBackward1 = NodeKind("AsinhBackward1")
    static let atanhBackward0 = NodeKind("AtanhBackward0")
    static let atanhBackward1 = NodeKind("AtanhBackward1")
}
