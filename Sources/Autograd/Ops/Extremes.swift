/// Elementwise maximum and minimum of two tensors: `maximum`/`minimum` (also `torch.max(a, b)`
/// and `torch.min(a, b)`, declared with max/min in Reduction.swift), which propagate NaN, and
/// `fmax`/`fmin`, which ignore it.
enum ExtremesOps {
    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "maximum(Tensor self, Tensor other) -> Tensor", gradFn: "MaximumBackward0", exposure: [.torch, .method],
            samples: OpSamples(broadcasts: true),
            forward: { try $0.tensor("self").maximum($0.tensor("other")) }),
        OpDeclaration(
            "minimum(Tensor self, Tensor other) -> Tensor", gradFn: "MinimumBackward0", exposure: [.torch, .method],
            samples: OpSamples(broadcasts: true),
            forward: { try $0.tensor("self").minimum($0.tensor("other")) }),
        OpDeclaration(
            "fmax(Tensor self, Tensor other) -> Tensor", gradFn: "FmaxBackward0", exposure: [.torch, .method],
            samples: OpSamples(broadcasts: true),
            forward: { try $0.tensor("self").fmax($0.tensor("other")) }),
        OpDeclaration(
            "fmin(Tensor self, Tensor other) -> Tensor", gradFn: "FminBackward0", exposure: [.torch, .method],
            samples: OpSamples(broadcasts: true),
            forward: { try $0.tensor("self").fmin($0.tensor("other")) })
    ]
}

private enum MaximumF: BinaryFunction {
    static func apply<T: FloatElement>(_ a: T, _ b: T) -> T { a.isNaN || b.isNaN ? T.nan : Swift.max(a, b) }
    static func apply(_ a: Int64, _ b: Int64) -> Int64 { Swift.max(a, b) }
    static func apply(_ a: Bool, _ b: Bool) -> Bool { a || b }
}

private enum MinimumF: BinaryFunction {
    static func apply<T: FloatElement>(_ a: T, _ b: T) -> T { a.isNaN || b.isNaN ? T.nan : Swift.min(a, b) }
    static func apply(_ a: Int64, _ b: Int64) -> Int64 { Swift.min(a, b) }
    static func apply(_ a: Bool, _ b: Bool) -> Bool { a && b }
}

private enum FmaxF: BinaryFunction {
    static func apply<T: FloatElement>(_ a: T, _ b: T) -> T { a.isNaN ? b : b.isNaN ? a : Swift.max(a, b) }
    static func apply(_ a: Int64, _ b: Int64) -> Int64 { Swift.max(a, b) }
    static func apply(_ a: Bool, _ b: Bool) -> Bool { a || b }
}

private enum FminF: BinaryFunction {
    static func apply<T: FloatElement>(_ a: T, _ b: T) -> T { a.isNaN ? b : b.isNaN ? a : Swift.min(a, b) }
    static func apply(_ a: Int64, _ b: Int64) -> Int64 { Swift.min(a, b) }
    static func apply(_ a: Bool, _ b: Bool) -> Bool { a && b }
}

extension Tensor {
    /// The larger of each pair of elements, broadcast (MaximumBackward0); ties split the gradient.
    public func maximum(_ other: Tensor) throws -> Tensor {
        try extremeOfPair(MaximumF.self, other, "maximum", .maximumBackward0) {
            (try $0.lt(.tensor($1)), try $0.gt(.tensor($1)))
        }
    }

    /// The smaller of each pair of elements (MinimumBackward0).
    public func minimum(_ other: Tensor) throws -> Tensor {
        try extremeOfPair(MinimumF.self, other, "minimum", .minimumBackward0) {
            (try $0.gt(.tensor($1)), try $0.lt(.tensor($1)))
        }
    }

    /// The larger of each pair, ignoring NaN (FmaxBackward0).
    public func fmax(_ other: Tensor) throws -> Tensor {
        try extremeOfPair(FmaxF.self, other, "fmax", .fmaxBackward0) { a, b in
            (try Tensor.notKept(a.ge(.tensor(b)), b), try Tensor.notKept(b.ge(.tensor(a)), a))
        }
    }

    /// The smaller of each pair, ignoring NaN (FminBackward0).
    public func fmin(_ other: Tensor) throws -> Tensor {
        try extremeOfPair(FminF.self, other, "fmin", .fminBackward0) { a, b in
            (try Tensor.notKept(a.le(.tensor(b)), b), try Tensor.notKept(b.le(.tensor(a)), a))
        }
    }

    /// Where an operand of fmax/fmin is not the result: it does not win the comparison and
    /// the other operand is not NaN.
    private static func notKept(_ wins: Tensor, _ otherOperand: Tensor) throws -> Tensor {
        try wins.logicalOr(otherOperand.isnan()).eq(.scalar(.bool(false)))
    }

    /// `maximum`-like ops. `losers(self, other)` masks where `self` and where `other` get no
    /// gradient; equal elements share it (half each), as in derivatives.yaml.
    private func extremeOfPair<F: BinaryFunction>(
        _ f: F.Type, _ other: Tensor, _ op: String, _ backward: NodeKind,
        losers: @escaping (Tensor, Tensor) throws -> (Tensor, Tensor)
    ) throws -> Tensor {
        let dt = resultType([self, other])
        let out = try mapBinary(F.self, self, other, dtype: dt)
        let (sa, sb) = (shape, other.shape)
        record(op, backward, inputs: [self, other], outputs: [out], saving: [.input("self", self), .input("other", other)]) {
            ctx in
            let (a, b) = (try ctx.saved(0), try ctx.saved(1))
            let zero = Tensor.scalar(0, dtype: ctx.grad.dtype)
            let (selfLoses, otherLoses) = try losers(a, b)
            let grad = try Tensor.maskedWhere(a.eq(.tensor(b)), ctx.grad.divScalar(2), ctx.grad)
            return [
                ctx.needsGrad(0) ? try Tensor.maskedWhere(selfLoses, zero, grad).sumTo(sa) : nil,
                ctx.needsGrad(1) ? try Tensor.maskedWhere(otherLoses, zero, grad).sumTo(sb) : nil
            ]
        }
        return out
    }

    /// Elementwise `or` of two bool masks.
    func logicalOr(_ other: Tensor) throws -> Tensor {
        try mapBinary(MaximumF.self, self, other, dtype: .bool)
    }
}

extension NodeKind {
    static let fmaxBackward0 = NodeKind("FmaxBackward0")
    static let fminBackward0 = NodeKind("FminBackward0")
    static let maximumBackward0 = NodeKind("MaximumBackward0")
    static let minimumBackward0 = NodeKind("MinimumBackward0")
}
