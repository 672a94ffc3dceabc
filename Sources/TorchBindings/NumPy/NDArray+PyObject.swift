import Autograd
import Python

/// Python syntax on numpy arrays and scalars: printing, indexing (views share memory),
/// operators with numpy's promotion, truth value and number conversions.
extension NDArray: PyObject {
    static let arrayType = TypeObject("ndarray", qualifiedName: "numpy.ndarray")

    var typeName: String { isScalar ? dtype.rawValue : "ndarray" }
    func pythonType(_ interp: Interpreter) -> Value? {
        .object(isScalar ? NumPyDTypeObject.scalarTypes[dtype]! : NDArray.arrayType)
    }
    /// `np.float64` derives from Python's float, as in numpy.
    func isInstance(of className: String) -> Bool {
        className == typeName || (isScalar && dtype == .float64 && className == "float")
    }
    var identity: Int { ObjectIdentifier(self).hashValue }

    func repr() -> String { isScalar ? ArrayPrinter.scalarRepr(self) : ArrayPrinter.repr(self) }
    func str() -> String { isScalar ? ArrayPrinter.scalarString(self) : ArrayPrinter.str(self) }

    func attribute(_ name: String, _ interp: Interpreter) throws -> Value? {
        try NDArrayMethods.attribute(self, name, interp)
    }

    func iterate(_ interp: Interpreter) throws -> [Value]? {
        guard let first = shape.first else { throw PyException.type("iteration over a 0-d array") }
        return try interp.makeItems(count: first, objectBytes: RowObjectBytes.arrayView) { try item(.int($0), interp)! }
    }
    func isIterable(_ interp: Interpreter) -> Bool { !isScalar }

    func length(_ interp: Interpreter) throws -> Int? {
        guard let first = shape.first else { throw PyException.type("len() of unsized object") }
        return first
    }

    func item(_ key: Value, _ interp: Interpreter) throws -> Value? {
        guard !isScalar else { throw PyException.index("invalid index to scalar variable.") }
        try NumPyErrors.checkIntegerIndices(key, shape)
        guard case .object(let view as Tensor) = try interp.tensorSubscript(tensor, try NDArray.tensorKey(key)) else {
            return nil
        }
        if view.dim == 0 && !NDArray.hasEllipsis(key) { return .object(try NDArray(view).copy().asScalar()) }
        return .object(NDArray(view))
    }

    func setItem(_ key: Value, _ value: Value, _ interp: Interpreter) throws -> Bool {
        guard !isScalar else { throw PyException.type("'\(typeName)' object does not support item assignment") }
        try NumPyErrors.checkIntegerIndices(key, shape)
        let source: Value
        if case .object(let a as NDArray) = value {
            source = .object(try a.tensor.to(dtype.engine))
        } else if let number = NumPyOperand(value), case .number(let s) = number {
            source = .object(Tensor.scalar(NumPyKernels.rounded(s.doubleValue, dtype), dtype: dtype.engine))
        } else {
            source = .object(try NDArray.from(value, dtype: dtype, copy: false, interp).tensor)
        }
        try GradMode.noGrad { try interp.tensorSetItem(tensor, try NDArray.tensorKey(key), source) }
        return true
    }

    /// An index with arrays replaced by the tensors holding them.
    private static func tensorKey(_ key: Value) throws -> Value {
        switch key {
        case .object(let a as NDArray):
            return .object(a.dtype == .bool || a.dtype == .int64 ? a.tensor : try a.tensor.to(.int64))
        case .tuple(let items): return .tuple(try items.map(tensorKey))
        default: return key
        }
    }

    private static func hasEllipsis(_ key: Value) -> Bool {
        if case .object(is EllipsisObject) = key { return true }
        if case .tuple(let items) = key { return items.contains(where: hasEllipsis) }
        return false
    }

    func truthValue(_ interp: Interpreter) throws -> Bool? {
        guard size == 1 else {
            throw PyException.value(
                size == 0
                    ? "The truth value of an empty array is ambiguous. Use `array.size > 0` to check that an array is not empty."
                    : "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()")
        }
        return values[0] != 0
    }

    func unaryOperation(_ op: UnaryOperator, _ interp: Interpreter) throws -> Value? {
        try unary(op).map { .object($0) }
    }

    func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value? {
        guard let o = NumPyOperand(other) else { return nil }
        let result =
            reflected
            ? try NDArray.binary(op, o, .array(self), operatorSyntax: true)
            : try NDArray.binary(op, .array(self), o, operatorSyntax: true)
        return .object(result)
    }

    func inPlaceOperation(_ op: BinaryOperator, _ other: Value, _ interp: Interpreter) throws -> Value? {
        guard !isScalar, let o = NumPyOperand(other) else { return nil }
        try inPlace(op, o)
        return .object(self)
    }

    func comparison(_ op: CompareOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value? {
        guard let o = NumPyOperand(other) else { return nil }
        let result = reflected ? try NDArray.compare(op, o, .array(self)) : try NDArray.compare(op, .array(self), o)
        return .object(result)
    }

    func absoluteValue(_ interp: Interpreter) throws -> Value? { .object(try NumPyMath.apply("absolute", self)) }

    func numberConversion(_ interp: Interpreter) throws -> Value? {
        guard shape.isEmpty else { throw PyException.type("only 0-dimensional arrays can be converted to Python scalars") }
        return try item()
    }

    func numberValue(_ interp: Interpreter) throws -> Value? { isScalar || shape.isEmpty ? try item() : nil }
    func realValue(_ interp: Interpreter) throws -> Double? { isScalar || shape.isEmpty ? values[0] : nil }

    func format(_ spec: String, _ interp: Interpreter) throws -> String? {
        if spec.isEmpty { return str() }
        guard isScalar || shape.isEmpty else {
            throw PyException.type("unsupported format string passed to numpy.ndarray.__format__")
        }
        return try interp.format(try item(), spec: spec)
    }
}
