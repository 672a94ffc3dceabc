/// Comparisons (`==`, `!=`, `<`, `<=`, `>`, `>=`), closeness tests and `where`; none is
/// differentiable.
enum ComparisonOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "eq.Tensor(Tensor self, Tensor other) -> Tensor", gradFn: nil, exposure: [.torch, .method],
            forward: { try $0.tensor("self").eq($0.operand("other")) }),
        OpDeclaration(
            "ne.Tensor(Tensor self, Tensor other) -> Tensor", gradFn: nil, exposure: [.torch, .method],
            forward: { try $0.tensor("self").ne($0.operand("other")) }),
        OpDeclaration(
            "lt.Tensor(Tensor self, Tensor other) -> Tensor", gradFn: nil, exposure: [.torch, .method],
            forward: { try $0.tensor("self").lt($0.operand("other")) }),
        OpDeclaration(
            "le.Tensor(Tensor self, Tensor other) -> Tensor", gradFn: nil, exposure: [.torch, .method],
            forward: { try $0.tensor("self").le($0.operand("other")) }),
        OpDeclaration(
            "gt.Tensor(Tensor self, Tensor other) -> Tensor", gradFn: nil, exposure: [.torch, .method],
            forward: { try $0.tensor("self").gt($0.operand("other")) }),
        OpDeclaration(
            "ge.Tensor(Tensor self, Tensor other) -> Tensor", gradFn: nil, exposure: [.torch, .method],
            forward: { try $0.tensor("self").ge($0.operand("other")) }),
        OpDeclaration(
            "isnan(Tensor self) -> Tensor", gradFn: nil, exposure: [.torch, .method],
            forward: { try $0.tensor("self").isnan() })
    ]
}

private enum EqF: CompareFunction { static func apply<T: Comparable>(_ a: T, _ b: T) -> Bool { a == b } }
private enum NeF: CompareFunction { static func apply<T: Comparable>(_ a: T, _ b: T) -> Bool { a != b } }
private enum LtF: CompareFunction { static func apply<T: Comparable>(_ a: T, _ b: T) -> Bool { a < b } }
private enum LeF: CompareFunction { static func apply<T: Comparable>(_ a: T, _ b: T) -> Bool { a <= b } }
private enum GtF: CompareFunction { static func apply<T: Comparable>(_ a: T, _ b: T) -> Bool { a > b } }
private enum GeF: CompareFunction { static func apply<T: Comparable>(_ a: T, _ b: T) -> Bool { a >= b } }

private enum IsNaNF: UnaryFloatFunction {
    static func apply<T: FloatElement>(_ x: T) -> T { x.isNaN ? 1 : 0 }
}

/// Reports an op whose outputs are not differentiable (no grad_fn, whatever the inputs).
@inline(__always)
func reportNonDifferentiable(_ op: String, inputs: [Tensor?], outputs: [Tensor]) {
    if GradMode.isInferenceMode { for o in outputs { o.isInference = true } }
    if let observer = Observation.observer {
        observer.opExecuted(OpEvent(name: op, inputs: inputs, outputs: outputs, gradFn: nil, isInPlace: false))
    }
}

extension Tensor {
    private func compared<F: CompareFunction>(_ f: F.Type, _ op: String, _ other: Operand) throws -> Tensor {
        let (dt, o) = promote(other)
        let out = try compare(F.self, self, o, dtype: dt)
        // A Python number is an argument of `lt.Scalar` & co., not an input tensor.
        let inputs: [Tensor?] = if case .tensor = other { [self, o] } else { [self] }
        reportNonDifferentiable(op, inputs: inputs, outputs: [out])
        return out
    }

    /// `self == other` elementwise (`torch.eq`); a bool tensor.
    public func eq(_ other: Operand) throws -> Tensor { try compared(EqF.self, "eq", other) }
    /// `self != other` elementwise (`torch.ne`).
    public func ne(_ other: Operand) throws -> Tensor { try compared(NeF.self, "ne", other) }
    /// `self < other` elementwise (`torch.lt`).
    public func lt(_ other: Operand) throws -> Tensor { try compared(LtF.self, "lt", other) }
    /// `self <= other` elementwise (`torch.le`).
    public func le(_ other: Operand) throws -> Tensor { try compared(LeF.self, "le", other) }
    /// `self > other` elementwise (`torch.gt`).
    public func gt(_ other: Operand) throws -> Tensor { try compared(GtF.self, "gt", other) }
    /// `self >= other` elementwise (`torch.ge`).
    public func ge(_ other: Operand) throws -> Tensor { try compared(GeF.self, "ge", other) }

    /// Which elements are NaN (`torch.isnan`); all false for integer and bool tensors.
    public func isnan() -> Tensor {
        let out =
            dtype.isFloatingPoint
            ? mapFloat(IsNaNF.self, self).materialized(as: .bool)
            : Tensor.zeros(shape, dtype: .bool)
        reportNonDifferentiable("isnan", inputs: [self], outputs: [out])
        return out
    }

    /// `|self - other| <= atol + rtol * |other|` elementwise, with infinities equal to
    /// themselves and NaNs equal only with `equalNaN` (`torch.isclose`).
    public func isclose(
        _ other: Tensor, rtol: Double = 1e-05, atol: Double = 1e-08,
        equalNaN: Bool = false
    ) throws -> Tensor {
        guard dtype == other.dtype else {
            throw TorchError.runtime("\(dtype.scalarTypeName) did not match \(other.dtype.scalarTypeName)")
        }
        let shape = try broadcastShapes(self.shape, other.shape)
        let n = shape.reduce(1, *)
        let sa = contiguousStorage(as: .float64, broadcastTo: shape)
        let sb = other.contiguousStorage(as: .float64, broadcastTo: shape)
        let pa = sa.pointer(Double.self)
        let pb = sb.pointer(Double.self)
        let values = (0..<n).map { i -> Double in
            let x = pa[i]
            let y = pb[i]
            if x == y { return 1 }
            if x.isNaN || y.isNaN { return equalNaN && x.isNaN && y.isNaN ? 1 : 0 }
            if !x.isFinite || !y.isFinite { return 0 }
            return Swift.abs(x - y) <= atol + rtol * Swift.abs(y) ? 1 : 0
        }
        withExtendedLifetime((sa, sb)) {}
        let storage = Storage.uninitialized(.bool, count: n)
        DType.bool.dispatch(FillFromDoubles(values: values, storage: storage))
        let out = Tensor(storage: storage, shape: shape)
        reportNonDifferentiable("isclose", inputs: [self, other], outputs: [out])
        return out
    }

    /// Whether every element is close (`torch.allclose`).
    public func allclose(
        _ other: Tensor, rtol: Double = 1e-05, atol: Double = 1e-08,
        equalNaN: Bool = false
    ) throws -> Bool {
        // a Python bool, from one kernel: no op of the graph
        try Observation.hidden { try isclose(other, rtol: rtol, atol: atol, equalNaN: equalNaN) }.doubles().allSatisfy { $0 != 0 }
    }

    /// Same shape and equal elements (`torch.equal`); NaN never equals NaN.
    public func equal(_ other: Tensor) throws -> Bool {
        guard shape == other.shape else { return false }
        // a Python bool, from one kernel: no op of the graph
        return try Observation.hidden { try eq(.tensor(other)) }.doubles().allSatisfy { $0 != 0 }
    }

    /// `where(condition, a, b)` with PyTorch's WhereBackward0 (used by backward formulas).
    public static func maskedWhere(_ condition: Tensor, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        let dt = resultType([a, b])
        let out = try selectWhere(condition, a, b, dtype: dt)
        let (sa, sb) = (a.shape, b.shape)
        record(
            "where", .whereBackward0, inputs: [a, b], outputs: [out], observed: [condition, a, b],
            saving: [.input("condition", condition)]
        ) { ctx in
            let c = try ctx.saved(0)
            let zero = Tensor.scalar(0, dtype: ctx.grad.dtype)
            return [
                ctx.needsGrad(0) ? try maskedWhere(c, ctx.grad, zero).sumTo(sa) : nil,
                ctx.needsGrad(1) ? try maskedWhere(c, zero, ctx.grad).sumTo(sb) : nil
            ]
        }
        return out
    }

    /// Elementwise `and` of two bool masks (no autograd: masks are not differentiable).
    func logicalAnd(_ other: Tensor) throws -> Tensor {
        try mapBinary(MulF.self, self, other, dtype: .bool)
    }
}

extension NodeKind {
    static let whereBackward0 = NodeKind("WhereBackward0")
}
