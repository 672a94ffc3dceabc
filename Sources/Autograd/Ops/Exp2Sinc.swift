import CSleef
import Foundation

/// `exp2` and `sinc`: the declarations, PyTorch 2.15's kernels and their backward formulas
/// (`derivatives.yaml`). `exp2_kernel` is a `cpu_kernel_vec` (SLEEF's `exp2` in the vector lanes,
/// the C library's `exp2` elsewhere, `VectorisedSplit`); `sinc_kernel` is a plain `cpu_kernel`:
/// `1` at zero, else `sin(pi * x) / (pi * x)` in the input's precision.
enum Exp2SincOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "exp2(Tensor self) -> Tensor", gradFn: "Exp2Backward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            forward: { try $0.tensor("self").exp2() }, inPlace: { try $0.tensor("self").exp2_() }),
        OpDeclaration(
            "sinc(Tensor self) -> Tensor", gradFn: "SincBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            forward: { try $0.tensor("self").sinc() }, inPlace: { try $0.tensor("self").sinc_() })
    ]
}

/// `2^x`: SLEEF's 1-ulp `exp2` in the vector lanes, `exp2` of the C library elsewhere.
private struct Exp2F: VectorisedUnaryFunction {
    func vector(_ x: Float) -> Float { Sleef_exp2f1_u10purecfma(x) }
    func scalar(_ x: Float) -> Float { Foundation.exp2(x) }
    func vector(_ x: Double) -> Double { Sleef_exp2d1_u10purecfma(x) }
    func scalar(_ x: Double) -> Double { Foundation.exp2(x) }
}

/// `sinc_kernel`: `1` at zero, else `sin(pi * x) / (pi * x)`.
private enum SincF: UnaryFloatFunction {
    static func apply<T: FloatElement>(_ x: T) -> T {
        if x == 0 { return 1 }
        let product = T(Double.pi) * x
        return T.sin(product) / product
    }
}

extension Tensor {
    /// `2 ** self`; integer inputs give float32. Backward `grad * result * ln 2`.
    public func exp2() throws -> Tensor {
        let out = mapVectorised(Exp2F(), self)
        record("exp2", .exp2Backward0, inputs: [self], outputs: [out], saving: [.output("result", 0)]) { ctx in
            [try ctx.grad.mul(.tensor(ctx.saved(0))).mulScalar(M_LN2)]
        }
        return out
    }

    /// `sin(pi * self) / (pi * self)`, 1 at 0; integer inputs give float32. Backward
    /// (`sinc_backward`): `grad * (pi x cos(pi x) - sin(pi x)) / (pi x²)`, 0 where `pi x²` is 0.
    public func sinc() throws -> Tensor {
        let out = mapFloat(SincF.self, self)
        record("sinc", .sincBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            let x = try ctx.saved(0)
            let xPi = try x.mulScalar(Double.pi)
            let xSquaredPi = try x.mul(.tensor(x)).mulScalar(Double.pi)
            let slope = try xPi.mul(.tensor(xPi.cos())).sub(.tensor(xPi.sin()))
            let grad = try ctx.grad.mul(.tensor(slope)).div(.tensor(xSquaredPi))
            return [try Tensor.maskedWhere(xSquaredPi.eq(.scalar(.double(0))), Tensor.scalar(0, dtype: grad.dtype), grad)]
        }
        return out
    }

    /// `exp2_()`.
    @discardableResult
    public func exp2_() throws -> Tensor { try inPlaceMath("exp2_") { try exp2() } }

    /// `sinc_()`.
    @discardableResult
    public func sinc_() throws -> Tensor { try inPlaceMath("sinc_") { try sinc() } }
}

extension NodeKind {
    static let exp2Backward0 = NodeKind("Exp2Backward0")
    static let sincBackward0 = NodeKind("SincBackward0")
}
