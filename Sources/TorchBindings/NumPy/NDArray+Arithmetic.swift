import Autograd
import Foundation
import Python

/// An operand of a numpy operation: an array or numpy scalar (typed by its dtype), or a Python
/// number (a "weak" scalar under numpy 2's promotion rules, NEP 50).
enum NumPyOperand {
    case array(NDArray)
    case number(ScalarValue)

    /// nil for values numpy operations here do not take (the caller returns NotImplemented).
    init?(_ v: Value) {
        switch v {
        case .object(let a as NDArray): self = .array(a)
        case .int(let i): self = .number(.int(Int64(i)))
        case .float(let d): self = .number(.double(d))
        case .bool(let b): self = .number(.bool(b))
        default: return nil
        }
    }

    var shape: [Int] {
        if case .array(let a) = self { return a.shape }
        return []
    }

    func values(broadcastTo shape: [Int]) throws -> [Double] {
        switch self {
        case .array(let a): return try NumPyKernels.broadcastValues(a, to: shape)
        case .number(let s): return [Double](repeating: s.doubleValue, count: shape.reduce(1, *))
        }
    }

    /// The dtype the operation computes in, with `other` as the other operand.
    func resultType(with other: NumPyOperand) -> NumPyDType {
        switch (self, other) {
        case (.array(let a), .array(let b)): return NumPyDType.promote(a.dtype, b.dtype)
        case (.array(let a), .number(let s)), (.number(let s), .array(let a)): return a.dtype.promote(weak: s)
        case (.number(let a), .number(let b)):
            let kind = max(Self.kind(a), Self.kind(b))
            return kind == 2 ? .float64 : kind == 1 ? .int64 : .bool
        }
    }

    private static func kind(_ s: ScalarValue) -> Int {
        switch s {
        case .bool: return 0
        case .int: return 1
        case .double: return 2
        }
    }

    /// Whether this is an array (not a numpy scalar or a Python number).
    var isArray: Bool {
        if case .array(let a) = self { return !a.isScalar }
        return false
    }

    /// Whether the result of an operation on these operands is a numpy scalar (no array operand).
    static func scalarResult(_ a: NumPyOperand, _ b: NumPyOperand) -> Bool {
        func scalarLike(_ o: NumPyOperand) -> Bool {
            if case .array(let x) = o { return x.isScalar || x.shape.isEmpty }
            return true
        }
        return scalarLike(a) && scalarLike(b)
    }
}

extension NDArray {
    /// `l op r` with broadcasting and numpy's result dtype; `operatorSyntax` for Python's
    /// operators (`a ** b`), which numpy computes with its scalar arithmetic when no operand is
    /// an array, rather than with the ufunc (`np.power(a, b)`).
    static func binary(
        _ op: BinaryOperator, _ l: NumPyOperand, _ r: NumPyOperand, operatorSyntax: Bool = false
    ) throws -> NDArray {
        if op == .matMul {
            guard case .array(let a) = l, case .array(let b) = r else {
                throw PyException.value(
                    "matmul: Input operand 1 does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)"
                )
            }
            return try NumPyLinalg.matmul(a, b)
        }
        let shape = try NumPyKernels.broadcastShape(l.shape, r.shape)
        var dtype = l.resultType(with: r)
        if op == .div && dtype.kind < 2 { dtype = .float64 }
        if dtype == .bool {
            switch op {
            case .add, .mul, .bitAnd, .bitOr, .bitXor: break
            case .sub:
                throw PyException.type(
                    "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead."
                )
            default: dtype = .int64
            }
        }
        if dtype.isFloat, [.bitAnd, .bitOr, .bitXor, .shiftLeft, .shiftRight].contains(op) {
            throw PyException.type(
                "ufunc '\(ufuncName(op))' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''"
            )
        }
        let a = try l.values(broadcastTo: shape)
        let b = try r.values(broadcastTo: shape)
        if op == .pow, dtype == .int64, b.contains(where: { $0 < 0 }) {
            throw PyException.value("Integers to negative integer powers are not allowed.")
        }
        let out: [Double]
        if op == .pow && dtype.isFloat {
            out = NumPyFloatLoops.power(
                a, b, exponent: r, shape: shape, float32: dtype == .float32,
                scalarMath: operatorSyntax && !l.isArray && !r.isArray)
        } else {
            out = try NumPyKernels.elementwise(a, b, dtype, try kernel(op, dtype), fast: dtype.isFloat ? op : nil)
        }
        let result = try make(out, shape: shape, dtype: dtype)
        return NumPyOperand.scalarResult(l, r) ? result.asScalar() : result
    }

    /// numpy's ufunc name for an operator (used in its error messages).
    static func ufuncName(_ op: BinaryOperator) -> String {
        switch op {
        case .add: return "add"
        case .sub: return "subtract"
        case .mul: return "multiply"
        case .div: return "divide"
        case .floorDiv: return "floor_divide"
        case .mod: return "remainder"
        case .pow: return "power"
        case .matMul: return "matmul"
        case .bitAnd: return "bitwise_and"
        case .bitOr: return "bitwise_or"
        case .bitXor: return "bitwise_xor"
        case .shiftLeft: return "left_shift"
        case .shiftRight: return "right_shift"
        }
    }

    private static func kernel(_ op: BinaryOperator, _ dtype: NumPyDType) throws -> (Double, Double) -> Double {
        let isInt = !dtype.isFloat
        let isBool = dtype == .bool
        switch op {
        case .add:
            return isBool
                ? { (a: Double, b: Double) -> Double in a != 0 || b != 0 ? 1 : 0 } : { (a: Double, b: Double) -> Double in a + b }
        case .sub: return { (a: Double, b: Double) -> Double in a - b }
        case .mul:
            return isBool
                ? { (a: Double, b: Double) -> Double in a != 0 && b != 0 ? 1 : 0 } : { (a: Double, b: Double) -> Double in a * b }
        case .div: return { (a: Double, b: Double) -> Double in a / b }
        case .pow:
            // Float powers run numpy's float loop (NumPyFloatLoops.power) instead.
            return { (a: Double, b: Double) -> Double in integerPower(a, b) }
        case .floorDiv:
            if isInt { return { (a: Double, b: Double) -> Double in integerFloorDivide(a, b) } }
            return { (a: Double, b: Double) -> Double in divmod(a, b).0 }
        case .mod:
            if isInt { return { (a: Double, b: Double) -> Double in integerRemainder(a, b) } }
            return { (a: Double, b: Double) -> Double in divmod(a, b).1 }
        case .bitAnd: return { (a: Double, b: Double) -> Double in Double(NumPyKernels.int64(a) & NumPyKernels.int64(b)) }
        case .bitOr: return { (a: Double, b: Double) -> Double in Double(NumPyKernels.int64(a) | NumPyKernels.int64(b)) }
        case .bitXor: return { (a: Double, b: Double) -> Double in Double(NumPyKernels.int64(a) ^ NumPyKernels.int64(b)) }
        case .shiftLeft: return { (a: Double, b: Double) -> Double in Double(NumPyKernels.int64(a) << NumPyKernels.int64(b)) }
        case .shiftRight: return { (a: Double, b: Double) -> Double in Double(NumPyKernels.int64(a) >> NumPyKernels.int64(b)) }
        case .matMul: throw PyException.type("matmul is not element-wise")
        }
    }

    /// Exponentiation by squaring with wrapping multiplication, like numpy's int64 power.
    private static func integerPower(_ a: Double, _ b: Double) -> Double {
        var base = NumPyKernels.int64(a)
        var exponent = NumPyKernels.int64(b)
        var result: Int64 = 1
        while exponent > 0 {
            if exponent & 1 == 1 { result = result &* base }
            base = base &* base
            exponent >>= 1
        }
        return Double(result)
    }

    /// numpy's integer floor division: 0 for a zero divisor (numpy also warns).
    private static func integerFloorDivide(_ a: Double, _ b: Double) -> Double { b == 0 ? 0 : (a / b).rounded(.down) }

    private static func integerRemainder(_ a: Double, _ b: Double) -> Double { b == 0 ? 0 : a - (a / b).rounded(.down) * b }

    /// numpy's `npy_divmod` for floats: Python's floor division and modulo.
    static func divmod(_ a: Double, _ b: Double) -> (Double, Double) {
        if b == 0 { return (a / b, Foundation.fmod(a, b)) }
        var mod = Foundation.fmod(a, b)
        var div = (a - mod) / b
        if mod != 0 {
            if (b < 0) != (mod < 0) {
                mod += b
                div -= 1
            }
        } else {
            mod = Double(signOf: b, magnitudeOf: 0)
        }
        var floordiv: Double
        if div != 0 {
            floordiv = div.rounded(.down)
            if div - floordiv > 0.5 { floordiv += 1 }
        } else {
            floordiv = Double(signOf: a / b, magnitudeOf: 0)
        }
        return (floordiv, mod)
    }

    /// `l op r` for comparisons: a bool array.
    static func compare(_ op: CompareOperator, _ l: NumPyOperand, _ r: NumPyOperand) throws -> NDArray {
        let shape = try NumPyKernels.broadcastShape(l.shape, r.shape)
        let a = try l.values(broadcastTo: shape)
        let b = try r.values(broadcastTo: shape)
        let f: (Double, Double) -> Bool
        switch op {
        case .eq: f = (==)
        case .ne: f = (!=)
        case .lt: f = (<)
        case .le: f = (<=)
        case .gt: f = (>)
        case .ge: f = (>=)
        default: throw PyException.type("'\(op.rawValue)' is not an element-wise comparison")
        }
        var out = [Double](repeating: 0, count: a.count)
        for i in 0..<a.count where f(a[i], b[i]) { out[i] = 1 }
        let result = try make(out, shape: shape, dtype: .bool)
        return NumPyOperand.scalarResult(l, r) ? result.asScalar() : result
    }

    /// `a op= b`: computes `a op b` and writes it into `a`'s storage, with numpy's
    /// `same_kind` casting check.
    func inPlace(_ op: BinaryOperator, _ other: NumPyOperand) throws {
        let result = try NDArray.binary(op, .array(self), other, operatorSyntax: true)
        guard result.dtype.kind <= dtype.kind else {
            throw PyException(
                NumPyErrors.ufuncTypeError,
                "Cannot cast ufunc '\(NDArray.ufuncName(op))' output from dtype('\(result.dtype.rawValue)') to dtype('\(dtype.rawValue)') with casting rule 'same_kind'"
            )
        }
        try assign(result)
    }

    /// Writes `source` (broadcast, converted to this dtype) into this array's storage.
    func assign(_ source: NDArray) throws {
        let values = try NumPyKernels.broadcastValues(source, to: shape)
        let converted = try Tensor(values.map { NumPyKernels.rounded($0, dtype) }, shape: shape, dtype: dtype.engine)
        try GradMode.noGrad { _ = try tensor.copy_(converted) }
    }

    /// `-a`, `+a`, `~a` (logical not for bool arrays).
    func unary(_ op: UnaryOperator) throws -> NDArray? {
        let f: (Double) -> Double
        switch op {
        case .neg:
            if dtype == .bool {
                throw PyException.type(
                    "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead."
                )
            }
            f = { -$0 }
        case .pos: f = { $0 }
        case .invert:
            if dtype.isFloat {
                throw PyException.type(
                    "ufunc 'invert' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''"
                )
            }
            f = dtype == .bool ? { $0 == 0 ? 1 : 0 } : { Double(~NumPyKernels.int64($0)) }
        case .not: return nil
        }
        let result = try NDArray.make(values.map(f), shape: shape, dtype: dtype)
        return isScalar ? result.asScalar() : result
    }
}
