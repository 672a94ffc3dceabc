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
    package var typeName: String { isParameter ? "Parameter" : "Tensor" }
    package func pythonType(_ interp: Interpreter) -> Value? {
        .object(isParameter ? GradScopeHostModule.parameter : TorchTypes.tensor)
    }
    package func isInstance(of className: String) -> Bool { className == "Tensor" }
    package var identity: Int { id }
    package func repr() -> String { TensorFormatter.repr(self) }

    package func attribute(_ name: String, _ interp: Interpreter) throws -> Value? {
        try interp.tensorAttribute(self, name)
    }

    package func setAttribute(_ name: String, _ value: Value, _ interp: Interpreter) throws -> Bool {
        try interp.setTensorAttribute(self, name, value)
        return true
    }

    /// `del t.grad`.
    package func deleteAttribute(_ name: String, _ interp: Interpreter) throws -> Bool {
        guard name == "grad" else { return false }
        try setGrad(nil)
        return true
    }

    package func iterate(_ interp: Interpreter) throws -> [Value]? { try interp.tensorIterate(self) }
    /// Even 0-d tensors: iterating them raises their own error.
    package func isIterable(_ interp: Interpreter) -> Bool { true }

    package func length(_ interp: Interpreter) throws -> Int? {
        guard let first = shape.first else { throw PyException.type("len() of a 0-d tensor") }
        return first
    }

    package func containsItem(_ item: Value, _ interp: Interpreter) throws -> Bool? { try interp.tensorContains(self, item) }
    package func item(_ key: Value, _ interp: Interpreter) throws -> Value? { try interp.tensorSubscript(self, key) }

    package func setItem(_ key: Value, _ value: Value, _ interp: Interpreter) throws -> Bool {
        try interp.tensorSetItem(self, key, value)
        return true
    }

    package func truthValue(_ interp: Interpreter) throws -> Bool? { try interp.tensorTruth(self) }
    package func unaryOperation(_ op: UnaryOperator, _ interp: Interpreter) throws -> Value? { try interp.tensorUnary(op, self) }

    package func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value? {
        reflected ? try interp.tensorBinary(op, other, .object(self)) : try interp.tensorBinary(op, .object(self), other)
    }

    /// `t += x` and friends modify `t` in place.
    package func inPlaceOperation(_ op: BinaryOperator, _ other: Value, _ interp: Interpreter) throws -> Value? {
        try interp.tensorInPlace(op, self, other)
    }

    package func comparison(_ op: CompareOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value? {
        reflected ? try interp.tensorCompare(op, other, .object(self)) : try interp.tensorCompare(op, .object(self), other)
    }

    package func absoluteValue(_ interp: Interpreter) throws -> Value? { .object(try abs()) }

    package func numberConversion(_ interp: Interpreter) throws -> Value? {
        guard numel == 1 else { throw PyException.value("only one element tensors can be converted to Python scalars") }
        return scalarValue(try item())
    }

    /// One-element tensors stand for their value.
    package func numberValue(_ interp: Interpreter) throws -> Value? { numel == 1 ? scalarValue(try item()) : nil }
    package func realValue(_ interp: Interpreter) throws -> Double? { try item().doubleValue }

    /// 0-dim tensors format as their Python number.
    package func format(_ spec: String, _ interp: Interpreter) throws -> String? {
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
