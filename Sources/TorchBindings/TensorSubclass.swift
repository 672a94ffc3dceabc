import Autograd
import Python

/// An instance of a script class deriving from `torch.Tensor` (`class T(torch.Tensor): ...`):
/// the tensor `T(data)` builds, as `torch.Tensor(data)` would, under the script's class. The
/// class's own attributes and methods come first, then the tensor's; operators and torch
/// functions act on the tensor and give plain tensors (no `__torch_function__` dispatch).
final class TensorSubclassInstance: PyObject {
    let tensor: Tensor
    let cls: UserClass
    private var attributes: [String: Value] = [:]

    init(tensor: Tensor, cls: UserClass) {
        self.tensor = tensor
        self.cls = cls
    }

    /// `T(*args)` for a subclass `T` of `torch.Tensor`; nil for other classes.
    static func construct(_ cls: UserClass, _ args: Arguments, _ interp: Interpreter) throws -> Value? {
        guard cls.derives(from: TorchTypes.tensor) else { return nil }
        guard case .object(let t as Tensor) = try interp.legacyConstructor(args, dtype: .float32, name: cls.name) else {
            return nil
        }
        let instance = TensorSubclassInstance(tensor: t, cls: cls)
        if let initializer = cls.lookup("__init__") {
            var a = args
            a.positional.insert(.object(instance), at: 0)
            _ = try interp.call(initializer, a)
        }
        return .object(instance)
    }

    var typeName: String { cls.name }
    func pythonType(_ interp: Interpreter) -> Value? { .object(cls) }
    func isInstance(of className: String) -> Bool { className == "Tensor" }
    var identity: Int { tensor.id }
    /// `_str_intern`: a subclass prints with its class name as the prefix.
    func repr() -> String {
        let text = TensorFormatter.repr(tensor)
        return text.hasPrefix("tensor(") ? cls.name + "(" + text.dropFirst("tensor(".count) : text
    }

    func attribute(_ name: String, _ interp: Interpreter) throws -> Value? {
        if let own = attributes[name] { return own }
        if let member = cls.lookup(name) {
            switch member {
            case .object(let s as StaticMethod): return s.function
            case .object(is UserFunction):
                return .object(
                    BuiltinFunction(name) { [self] args, interp in
                        var a = args
                        a.positional.insert(.object(self), at: 0)
                        return try interp.call(member, a)
                    })
            default: return member
            }
        }
        return try tensor.attribute(name, interp)
    }

    func setAttribute(_ name: String, _ value: Value, _ interp: Interpreter) throws -> Bool {
        if ["requires_grad", "grad", "data"].contains(name) { return try tensor.setAttribute(name, value, interp) }
        attributes[name] = value
        return true
    }

    func iterate(_ interp: Interpreter) throws -> [Value]? { try tensor.iterate(interp) }
    func isIterable(_ interp: Interpreter) -> Bool { true }
    func length(_ interp: Interpreter) throws -> Int? { try tensor.length(interp) }
    func item(_ key: Value, _ interp: Interpreter) throws -> Value? { try tensor.item(key, interp) }
    func setItem(_ key: Value, _ value: Value, _ interp: Interpreter) throws -> Bool { try tensor.setItem(key, value, interp) }
    func truthValue(_ interp: Interpreter) throws -> Bool? { try tensor.truthValue(interp) }
    func unaryOperation(_ op: UnaryOperator, _ interp: Interpreter) throws -> Value? { try tensor.unaryOperation(op, interp) }
    func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value? {
        try tensor.binaryOperation(op, other, reflected: reflected, interp)
    }
    func comparison(_ op: CompareOperator, _ other: Value, reflected: Bool, _ interp: Interpreter) throws -> Value? {
        try tensor.comparison(op, other, reflected: reflected, interp)
    }
    /// `Tensor.__format__` formats only plain tensors as numbers; a subclass falls back to
    /// `object.__format__`, which takes an empty spec only.
    func format(_ spec: String, _ interp: Interpreter) throws -> String? { spec.isEmpty ? str() : nil }
}
