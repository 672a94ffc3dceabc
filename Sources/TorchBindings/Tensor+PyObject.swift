import Autograd
import Python

extension Value {
    /// A tensor as a Python value.
    static func tensor(_ t: Tensor) -> Value { .object(t) }
}

/// Tensors are Python objects themselves (no wrapper per op result): Python syntax on them maps
/// onto the engine as PyTorch defines it (see TensorBridge).
extension Tensor: PyObject {
    /// `Parameter` for an `nn.Parameter`, which is still an instance of `torch.Tensor`.
    public var typeName: String { isParameter ? "Parameter" : "Tensor" }
    public func pythonType(_ interp: Interpreter) -> Value? {
        .object(isParameter ? GradScopeHostModule.parameter : TorchTypes.tensor)
    }
    public func isInstance(of className: String) -> Bool { className == "Tensor" }
    public var identity: Int { id }
    public func repr() -> String { TensorFormatter.repr(self) }

    public func attribute(_ name: String, _ interp: Interpreter) throws -> Value? {
        try interp.tensorAttribute(self, name)
    }

    public func setAttribute(_ name: String, _ value: Value, _ interp: Interpreter) throws -> Bool {
        try interp.setTensorAttribute(self, name, value)
        return true
    }

    /// `del t.grad`.
    public func deleteAttribute(_ name: String, _ interp: Interpreter) throws -> Bool {
        guard name == "grad" else { return false }
        try setGrad(nil)
        return true
    }

    public func iterate(_ interp: Interpreter) throws -> [Value]? { try interp.tensorIterate(self) }
    /// Even 0-d tensors: iterating them raises their own error.
    public func isIterable(_ interp: Interpreter) -> Bool { true }

    public func length(_ interp: Interpreter) throws -> Int? {
        guard let first = shape.first else { throw PyException.type("len() of a 0-d tensor") }
        return first
    }

    public func containsItem(_ item: Value, _ interp: Interpreter) throws -> Bool? { try interp.tensorContains(self, item) }
    public func item(_ key: Value, _ interp: Interpreter) throws -> Value? { try interp.tensorSubscript(self, key) }

    public func setItem(_ key: Value, _ value: Value, _ interp: Interpreter) throws -> Bool {
        try interp.tensorSetItem(self, key, value)
        return true
    }

    public func truthValue(_ interp: Interpreter) throws -> Bool? { try interp.tensorTruth(self) }
    public func unaryOperation(_ op: UnaryOperator, _ interp: Interpreter) throws -> Value? { try interp.tensorUnary(op, self) }

    public func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value? {
        reflected ? try interp.tensorBinary(op, other, .object(self)) : try interp.tensorBinary(op, .object(self), other)
    }

    /// `t += x` and friends modify `t` in place.
    public func inPlaceOperation(_ op: BinaryOperator, _ other: Value, _ interp: Interpreter) throws -> Value? {
        try interp.tensorInPlace(op, self, other)
    }

    public func comparison(_ op: CompareOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value? {
        reflected ? try interp.tensorCompare(op, other, .object(self)) : try interp.tensorCompare(op, .object(self), other)
    }

    public func absoluteValue(_ interp: Interpreter) throws -> Value? { .object(try abs()) }

    public func numberConversion(_ interp: Interpreter) throws -> Value? {
        guard numel == 1 else { throw PyException.value("only one element tensors can be converted to Python scalars") }
        return scalarValue(try item())
    }

    /// One-element tensors stand for their value.
    public func numberValue(_ interp: Interpreter) throws -> Value? { numel == 1 ? scalarValue(try item()) : nil }
    public func realValue(_ interp: Interpreter) throws -> Double? { try item().doubleValue }

    /// 0-dim tensors format as their Python number.
    public func format(_ spec: String, _ interp: Interpreter) throws -> String? {
        guard numel == 1 && dim == 0 && !isParameter else { return nil }
        return try interp.format(scalarValue(try item()), spec: spec)
    }
}

/// An engine scalar as the Python number it prints as.
func scalarValue(_ s: ScalarValue) -> Value {
    switch s {
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(Int(i))
    case .double(let d): return .float(d)
    }
}
