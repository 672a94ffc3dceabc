import RealModule

/// Arithmetic (add, sub, mul, div, neg, reciprocal, and the Swift operators): the
/// declarations, the kernels, each forward with its backward formula, and the in-place
/// variants. A `Tensor` parameter also takes a Python number, as in PyTorch.
enum ArithmeticOps {
    private static let binarySamples = OpSamples(broadcasts: true)
    private static let alphaSamples = OpSamples(arguments: ["alpha": .scalar(.double(2))], broadcasts: true)

    static let declarations: [OpDeclaration] = [
        OpDeclaration(
            "add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor", gradFn: "AddBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.method], samples: alphaSamples,
            forward: { try $0.tensor("self").add($0.operand("other"), alpha: $0.scalar("alpha").doubleValue) },
            inPlace: { try $0.tensor("self").add_($0.operand("other"), alpha: $0.scalar("alpha").doubleValue) }),
        OpDeclaration(
            "sub.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor", gradFn: "SubBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.method], samples: alphaSamples,
            forward: { try $0.tensor("self").sub($0.operand("other"), alpha: $0.scalar("alpha").doubleValue) },
            inPlace: { try $0.tensor("self").sub_($0.operand("other"), alpha: $0.scalar("alpha").doubleValue) }),
        OpDeclaration(
            "mul.Tensor(Tensor self, Tensor other) -> Tensor", gradFn: "MulBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.method], samples: binarySamples,
            forward: { try $0.tensor("self").mul($0.operand("other")) },
            inPlace: { try $0.tensor("self").mul_($0.operand("other")) }),
        OpDeclaration(
            "div.Tensor(Tensor self, Tensor other) -> Tensor", gradFn: "DivBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.method], samples: binarySamples,
            forward: { try $0.tensor("self").div($0.operand("other")) },
            inPlace: { try $0.tensor("self").div_($0.operand("other")) }),
        OpDeclaration(
            "neg(Tensor self) -> Tensor", gradFn: "NegBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            forward: { try $0.tensor("self").neg() }, inPlace: { try $0.tensor("self").neg_() }),
        OpDeclaration(
            "negative(Tensor self) -> Tensor", gradFn: "NegBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            forward: { try $0.tensor("self").neg() }, inPlace: { try $0.tensor("self").neg_() }),
        OpDeclaration(
            "reciprocal(Tensor self) -> Tensor", gradFn: "ReciprocalBackward0",
            exposure: [.torch, .method], inPlaceExposure: [.torch, .method],
            forward: { try $0.tensor("self").reciprocal() }, inPlace: { try $0.tensor("self").reciprocal_() })
    ]
}

enum AddF: BinaryFunction {
    static var arithmeticOperator: ArithmeticOperator? { .add }
    static func apply<T: FloatElement>(_ a: T, _ b: T) -> T { a + b }
    static func apply(_ a: Int64, _ b: Int64) -> Int64 { a &+ b }
    static func apply(_ a: Bool, _ b: Bool) -> Bool { a || b }
}
enum SubF: BinaryFunction {
    static var arithmeticOperator: ArithmeticOperator? { .subtract }
    static func apply<T: FloatElement>(_ a: T, _ b: T) -> T { a - b }
    static func apply(_ a: Int64, _ b: Int64) -> Int64 { a &- b }
    static func apply(_ a: Bool, _ b: Bool) -> Bool { a != b }
}
enum MulF: BinaryFunction {
    static var arithmeticOperator: ArithmeticOperator? { .multiply }
    static func apply<T: FloatElement>(_ a: T, _ b: T) -> T { a * b }
    static func apply(_ a: Int64, _ b: Int64) -> Int64 { a &* b }
    static func apply(_ a: Bool, _ b: Bool) -> Bool { a && b }
}
enum DivF: BinaryFunction {
    static var arithmeticOperator: ArithmeticOperator? { .divide }
    static func apply<T: FloatElement>(_ a: T, _ b: T) -> T { a / b }
    static func apply(_ a: Int64, _ b: Int64) -> Int64 { b == 0 ? 0 : a / b }
    static func apply(_ a: Bool, _ b: Bool) -> Bool { a }
}

/// What an add, sub or rsub node with PyTorch's default `alpha` keeps (one shared array).
private let unitAlpha: [(name: String, value: SavedValue)] = [("alpha", .alpha(1))]

/// The `alpha` an add or sub node keeps.
private func keptAlpha(_ alpha: Double) -> [(name: String, value: SavedValue)] {
    alpha == 1 ? unitAlpha : [("alpha", .alpha(alpha))]
}

/// An operand of a binary op: a tensor or a Python number.
public enum Operand {
    case tensor(Tensor)
    case scalar(ScalarValue)
}

extension Tensor {
    /// Promotes `self` and `other`: the result dtype, and the other operand as a tensor. A Python
    /// number becomes PyTorch's wrapped-number tensor of its own type (`int64`, `float64`, `bool`),
    /// as ops record and save it; the kernels convert it to the result dtype.
    func promote(_ other: Operand, floatResult: Bool = false) -> (dtype: DType, other: Tensor) {
        var dt: DType
        let o: Tensor
        switch other {
        case .tensor(let t):
            // A wrapped number that does not outrank this tensor's category leaves its dtype,
            // as `resultType` decides, without building the operand array.
            if t.dtype == dtype {
                dt = dtype
            } else if !isWrappedNumber, let number = t.wrappedNumberKind, number.category <= dtype.category {
                dt = dtype
            } else {
                dt = resultType([self, t])
            }
            o = t
        case .scalar(let s):
            dt = s.category > dtype.category ? resultType([self], scalars: [s]) : dtype
            o = Tensor.wrapped(s, dtype: s.wrappedDType)
        }
        if floatResult && !dt.isFloatingPoint { dt = .float32 }
        return (dt, o)
    }

    /// `self + alpha * other` (`torch.add`); a float `alpha != 1` is fused into one rounding, as
    /// PyTorch's vectorised CPU kernel does.
    public func add(_ other: Operand, alpha: Double = 1) throws -> Tensor {
        if alpha == 1, case .scalar(let s) = other, let out = try combinedUnobserved(AddF.self, .add, s) { return out }
        let (dt, o) = promote(other)
        let out: Tensor
        if alpha != 1 && dt.isFloatingPoint {
            out = try scaledAdd(self, o, alpha: alpha, dtype: dt)
        } else {
            let scaled = alpha == 1 ? o : try GradMode.noGrad { try o.mul(.scalar(.double(alpha))) }
            out = try mapBinary(AddF.self, self, scaled, dtype: dt)
        }
        record("add", self, o, output: out, keeping: keptAlpha(alpha)) { edges in
            ArithmeticNode(.add, nextEdges: edges, selfShape: shape, otherShape: o.shape, alpha: alpha)
        }
        return out
    }

    /// `self - alpha * other` (`torch.sub`).
    public func sub(_ other: Operand, alpha: Double = 1) throws -> Tensor {
        if alpha == 1, case .scalar(let s) = other, let out = try combinedUnobserved(SubF.self, .sub, s) { return out }
        let (dt, o) = promote(other)
        let out: Tensor
        if alpha != 1 && dt.isFloatingPoint {
            out = try scaledAdd(self, o, alpha: -alpha, dtype: dt)
        } else {
            let scaled = alpha == 1 ? o : try GradMode.noGrad { try o.mul(.scalar(.double(alpha))) }
            out = try mapBinary(SubF.self, self, scaled, dtype: dt)
        }
        record("sub", self, o, output: out, keeping: keptAlpha(alpha)) { edges in
            ArithmeticNode(.sub, nextEdges: edges, selfShape: shape, otherShape: o.shape, alpha: alpha)
        }
        return out
    }

    /// `self + number` or `self - number` (`kind`) for a one-element floating-point tensor and a
    /// float while no observer watches: nothing records or saves the number then, so it is not
    /// wrapped as a tensor; the value, the node and the tensor ids (one is taken for the number)
    /// are the general path's. Nil when the general path must run.
    private func combinedUnobserved<F: BinaryFunction>(
        _ f: F.Type, _ kind: ArithmeticNode.Kind, _ number: ScalarValue
    ) throws -> Tensor? {
        guard case .double(let value) = number, dtype.isFloatingPoint, numel == 1, ThreadState.current.observer == nil
        else { return nil }
        _ = TensorIDs.next()
        let out = try mapBinary(F.self, singleElement: self, number: value, dtype: dtype)
        record(kind.opName, self, nil, output: out, keeping: unitAlpha) { edges in
            ArithmeticNode(kind, nextEdges: edges, selfShape: shape, otherShape: [])
        }
        return out
    }

    /// `number - self` (`torch.rsub`), named RsubBackward1.
    public func rsub(_ number: ScalarValue) throws -> Tensor {
        let (dt, o) = promote(.scalar(number))
        let out = try mapBinary(SubF.self, o, self, dtype: dt)
        record("rsub", .rsubBackward1, inputs: [self], outputs: [out], keeping: unitAlpha) { ctx in
            [try ctx.grad.neg()]
        }
        return out
    }

    /// Elementwise product (`torch.mul`).
    public func mul(_ other: Operand) throws -> Tensor {
        let (dt, o) = promote(other)
        let out = try mapBinary(MulF.self, self, o, dtype: dt)
        record(
            "mul", self, o, output: out,
            saving: SaveSlotPair(.input("other", requiresGrad ? o : nil), .input("self", o.requiresGrad ? self : nil))
        ) { edges in
            ArithmeticNode(.mul, nextEdges: edges, selfShape: shape, otherShape: o.shape)
        }
        return out
    }

    /// Product with a Python number as PyTorch's C++ `mul.Scalar` does it (MulBackward1); used
    /// by backward formulas so higher-order graphs match PyTorch's.
    func mulScalar(_ s: Double) throws -> Tensor {
        let dt = dtype.isFloatingPoint ? dtype : .float32
        let out = try mapBinary(MulF.self, self, Tensor.scalar(s, dtype: dt), dtype: dt)
        record("mul", .mulBackward1, inputs: [self], outputs: [out]) { ctx in
            [try ctx.grad.mulScalar(s)]
        }
        return out
    }

    /// Sum with a Python number as PyTorch's C++ `add.Scalar` does it (AddBackward1); used by
    /// backward formulas so higher-order graphs match PyTorch's.
    func addScalar(_ s: Double) throws -> Tensor {
        let dt = dtype.isFloatingPoint ? dtype : .float32
        let out = try mapBinary(AddF.self, self, Tensor.scalar(s, dtype: dt), dtype: dt)
        record("add", .addBackward1, inputs: [self], outputs: [out]) { ctx in [ctx.grad] }
        return out
    }

    /// True division (`torch.div`); integer operands give float32.
    public func div(_ other: Operand) throws -> Tensor { try divided(by: other, node: .divBackward0) }

    /// True division recorded with grad_fn `node`: DivBackward0, or DivBackward2 for `div` with
    /// `rounding_mode=None`, which PyTorch routes through `div.Tensor_mode`.
    func divided(by other: Operand, node: NodeKind) throws -> Tensor {
        let (dt, o) = promote(other, floatResult: true)
        let out = try mapBinary(DivF.self, self, o, dtype: dt)
        let (sa, sb) = (shape, o.shape)
        record(
            "div", node, self, o, output: out,
            saving: SaveSlotPair(.input("other", o), .input("self", o.requiresGrad ? self : nil)),
            formula: { ctx in
                let other = try ctx.saved("other")
                return [
                    ctx.needsGrad(0) ? try ctx.grad.div(.tensor(other)).sumTo(sa) : nil,
                    // div_tensor_other_backward: -grad * ((self / other) / other).
                    ctx.needsGrad(1)
                        ? try ctx.grad.neg().mul(.tensor(ctx.saved("self").div(.tensor(other)).div(.tensor(other)))).sumTo(sb)
                        : nil
                ]
            })
        return out
    }

    /// `number / self`: PyTorch computes `reciprocal(self) * number`.
    public func rdiv(_ number: ScalarValue) throws -> Tensor {
        try reciprocal().mul(.scalar(number))
    }

    /// `-self`.
    public func neg() throws -> Tensor {
        // `-1 * x`, not `0 - x`: negating 0 gives -0, as PyTorch's neg does.
        let out = try mapBinary(MulF.self, self, Tensor.scalar(-1, dtype: dtype), dtype: dtype)
        record("neg", .negBackward0, inputs: [self], outputs: [out]) { ctx in [try ctx.grad.neg()] }
        return out
    }

    /// `1 / self`.
    public func reciprocal() throws -> Tensor {
        let dt: DType = dtype.isFloatingPoint ? dtype : .float32
        let out = try mapBinary(DivF.self, Tensor.scalar(1, dtype: dt), self, dtype: dt)
        record(
            "reciprocal", .reciprocalBackward0, inputs: [self], outputs: [out],
            saving: [.output("result", 0)]
        ) { ctx in
            let r = try ctx.saved(0)
            return [try ctx.grad.mul(.tensor(r.mul(.tensor(r)).neg()))]
        }
        return out
    }

    /// `self += alpha * other`; adds straight into the storage when nothing needs recording.
    @discardableResult
    public func add_(_ other: Operand, alpha: Double = 1) throws -> Tensor {
        if alpha == 1 && binaryInPlaceDirect(AddF.self, other, op: "add_") { return self }
        return try applyInPlace("add_") { try add(other, alpha: alpha) }
    }

    /// `self -= alpha * other`.
    @discardableResult
    public func sub_(_ other: Operand, alpha: Double = 1) throws -> Tensor {
        if alpha == 1 && binaryInPlaceDirect(SubF.self, other, op: "sub_") { return self }
        return try applyInPlace("sub_") { try sub(other, alpha: alpha) }
    }

    /// `self *= other`.
    @discardableResult
    public func mul_(_ other: Operand) throws -> Tensor {
        if binaryInPlaceDirect(MulF.self, other, op: "mul_") { return self }
        return try inPlaceMath("mul_") { try mul(other) }
    }

    /// `self /= other`.
    @discardableResult
    public func div_(_ other: Operand) throws -> Tensor {
        if binaryInPlaceDirect(DivF.self, other, op: "div_", floatResult: true) { return self }
        return try inPlaceMath("div_") { try div(other) }
    }

    /// `neg_()`.
    @discardableResult
    public func neg_() throws -> Tensor { try inPlaceMath("neg_") { try neg() } }

    /// `reciprocal_()`.
    @discardableResult
    public func reciprocal_() throws -> Tensor { try inPlaceMath("reciprocal_") { try reciprocal() } }

    public static func + (a: Tensor, b: Tensor) throws -> Tensor { try a.add(.tensor(b)) }
    public static func - (a: Tensor, b: Tensor) throws -> Tensor { try a.sub(.tensor(b)) }
    public static func * (a: Tensor, b: Tensor) throws -> Tensor { try a.mul(.tensor(b)) }
    public static func / (a: Tensor, b: Tensor) throws -> Tensor { try a.div(.tensor(b)) }
    public static func + (a: Tensor, b: Double) throws -> Tensor { try a.add(.scalar(.double(b))) }
    public static func - (a: Tensor, b: Double) throws -> Tensor { try a.sub(.scalar(.double(b))) }
    public static func * (a: Tensor, b: Double) throws -> Tensor { try a.mul(.scalar(.double(b))) }
    public static func / (a: Tensor, b: Double) throws -> Tensor { try a.div(.scalar(.double(b))) }
    public static func + (a: Double, b: Tensor) throws -> Tensor { try b.add(.scalar(.double(a))) }
    public static func - (a: Double, b: Tensor) throws -> Tensor { try b.rsub(.double(a)) }
    public static func * (a: Double, b: Tensor) throws -> Tensor { try b.mul(.scalar(.double(a))) }
    public static func / (a: Double, b: Tensor) throws -> Tensor { try b.rdiv(.double(a)) }
    public static prefix func - (a: Tensor) throws -> Tensor { try a.neg() }
}

extension NodeKind {
    static let addBackward1 = NodeKind("AddBackward1")
    static let divBackward0 = NodeKind("DivBackward0")
    static let mulBackward1 = NodeKind("MulBackward1")
    static let negBackward0 = NodeKind("NegBackward0")
    static let reciprocalBackward0 = NodeKind("ReciprocalBackward0")
    static let rsubBackward1 = NodeKind("RsubBackward1")
}
