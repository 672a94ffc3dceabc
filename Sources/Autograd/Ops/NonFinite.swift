/// `isinf` / `isfinite` / `isposinf` / `isneginf` (no gradient) and `nan_to_num`
/// (NanToNumBackward0: the gradient flows where the input is finite).
enum NonFiniteOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "isinf(Tensor self) -> Tensor", gradFn: nil, exposure: [.torch, .method],
            forward: { try $0.tensor("self").isinf() }),
        OpDeclaration(
            "isfinite(Tensor self) -> Tensor", gradFn: nil, exposure: [.torch, .method],
            forward: { try $0.tensor("self").isfinite() }),
        OpDeclaration(
            "isposinf(Tensor self) -> Tensor", gradFn: nil, exposure: [.torch, .method],
            forward: { try $0.tensor("self").isposinf() }),
        OpDeclaration(
            "isneginf(Tensor self) -> Tensor", gradFn: nil, exposure: [.torch, .method],
            forward: { try $0.tensor("self").isneginf() }),
        OpDeclaration(
            "nan_to_num(Tensor self, float? nan=None, float? posinf=None, float? neginf=None) -> Tensor",
            gradFn: "NanToNumBackward0", exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            forward: {
                try $0.tensor("self").nanToNum(
                    nan: $0.optionalDouble("nan"), posinf: $0.optionalDouble("posinf"), neginf: $0.optionalDouble("neginf"))
            },
            inPlace: {
                try $0.tensor("self").nanToNum_(
                    nan: $0.optionalDouble("nan"), posinf: $0.optionalDouble("posinf"), neginf: $0.optionalDouble("neginf"))
            })
    ]
}

private enum IsInfF: UnaryFloatFunction {
    static func apply<T: FloatElement>(_ x: T) -> T { x.isInfinite ? 1 : 0 }
}
private enum IsFiniteF: UnaryFloatFunction {
    static func apply<T: FloatElement>(_ x: T) -> T { x.isFinite ? 1 : 0 }
}
private enum IsPosInfF: UnaryFloatFunction {
    static func apply<T: FloatElement>(_ x: T) -> T { x == .infinity ? 1 : 0 }
}
private enum IsNegInfF: UnaryFloatFunction {
    static func apply<T: FloatElement>(_ x: T) -> T { x == -.infinity ? 1 : 0 }
}

extension Tensor {
    /// A bool tensor from a float predicate; `integral` for integer and bool tensors.
    private func floatPredicate<F: UnaryFloatFunction>(_ f: F.Type, _ op: String, integral: Bool) -> Tensor {
        let out =
            dtype.isFloatingPoint
            ? mapFloat(f, self).materialized(as: .bool)
            : (integral ? Tensor.full(shape, 1, dtype: .bool) : Tensor.zeros(shape, dtype: .bool))
        reportNonDifferentiable(op, inputs: [self], outputs: [out])
        return out
    }

    /// Which elements are +inf or -inf (`torch.isinf`).
    public func isinf() -> Tensor { floatPredicate(IsInfF.self, "isinf", integral: false) }
    /// Which elements are neither NaN nor infinite (`torch.isfinite`).
    public func isfinite() -> Tensor { floatPredicate(IsFiniteF.self, "isfinite", integral: true) }
    /// Which elements are +inf (`torch.isposinf`).
    public func isposinf() -> Tensor { floatPredicate(IsPosInfF.self, "isposinf", integral: false) }
    /// Which elements are -inf (`torch.isneginf`).
    public func isneginf() -> Tensor { floatPredicate(IsNegInfF.self, "isneginf", integral: false) }

    /// `torch.nan_to_num(self, nan, posinf, neginf)`: NaN replaced by `nan` (0 by default),
    /// +inf and -inf by `posinf` / `neginf` (the dtype's largest and smallest finite values by
    /// default); NanToNumBackward0 passes the gradient where `self` is finite.
    public func nanToNum(nan: Double? = nil, posinf: Double? = nil, neginf: Double? = nil) throws -> Tensor {
        let largest = dtype == .float64 ? Double.greatestFiniteMagnitude : Double(Float.greatestFiniteMagnitude)
        let out: Tensor = try GradMode.noGrad {
            guard dtype.isFloatingPoint else { return try clone() }
            return try maskedFill(mask: isnan(), value: .scalar(.double(nan ?? 0)))
                .maskedFill(mask: isposinf(), value: .scalar(.double(posinf ?? largest)))
                .maskedFill(mask: isneginf(), value: .scalar(.double(neginf ?? -largest)))
        }
        record("nan_to_num", .nanToNumBackward0, inputs: [self], outputs: [out], saving: [.input("self", self)]) { ctx in
            [try ctx.grad.mul(.tensor(ctx.saved(0).isfinite()))]
        }
        return out
    }

    /// `nan_to_num_(nan, posinf, neginf)`.
    @discardableResult
    public func nanToNum_(nan: Double? = nil, posinf: Double? = nil, neginf: Double? = nil) throws -> Tensor {
        try inPlaceMath("nan_to_num_") { try nanToNum(nan: nan, posinf: posinf, neginf: neginf) }
    }
}

extension NodeKind {
    static let nanToNumBackward0 = NodeKind("NanToNumBackward0")
}
