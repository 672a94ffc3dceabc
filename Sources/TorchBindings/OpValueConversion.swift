import Autograd
import Python

/// How Python values convert to the schema types of a declared op's parameters, as PyTorch's
/// argument parser converts them. A conversion that does not apply returns nil, so the binder
/// can try the next overload.
enum OpValueConversion {
    /// Ops whose `Tensor` parameters after `self` take a Python number: PyTorch's
    /// `should_allow_numbers_as_tensors` list, and the comparisons and `remainder`, whose
    /// `.Scalar` overloads GradScope folds into their `.Tensor` ones.
    static let numbersAsTensors: Set<String> = [
        "add", "add_", "sub", "sub_", "mul", "mul_", "div", "div_", "true_divide", "floor_divide",
        "remainder", "eq", "ne", "lt", "le", "gt", "ge"
    ]

    /// `v` as a value of `parameter`, or nil when it does not convert. `numberAsTensor` lets a
    /// `Tensor` parameter take a Python number; `tensorAsScalar` lets a `Scalar` take a 0-dim
    /// tensor that does not require grad (PyTorch's parser accepts one, after trying the
    /// overloads that take it as a tensor).
    static func convert(
        _ v: Value, to parameter: OpParameter, numberAsTensor: Bool, tensorAsScalar: Bool,
        _ interp: Interpreter
    ) -> OpValue? {
        if case .none = v { return parameter.isOptional ? OpValue.none : nil }
        switch parameter.type {
        case .tensor:
            if case .object(let t as Tensor) = v { return .tensor(t) }
            if case .object(let s as TensorSubclassInstance) = v { return .tensor(s.tensor) }
            return numberAsTensor ? number(v).map(OpValue.scalar) : nil
        case .scalar:
            if let s = number(v) { return .scalar(s) }
            if tensorAsScalar, case .object(let t as Tensor) = v, t.dim == 0, !t.requiresGrad, let s = try? t.item() {
                return .scalar(s)
            }
            return nil
        case .int:
            return int(v, interp).map(OpValue.int)
        case .intList(let size):
            if size != nil, let i = int(v, interp) { return .intList([i]) }
            return intList(v, interp).map(OpValue.intList)
        case .float:
            switch v {
            case .float(let d): return .double(d)
            case .int(let i): return .double(Double(i))
            default: return nil
            }
        case .bool:
            if case .bool(let b) = v { return .bool(b) }
            return nil
        case .scalarType:
            if case .object(let d as DTypeObject) = v { return .dtype(d.dtype) }
            return nil
        case .string:
            if case .string(let s) = v { return .string(s) }
            return nil
        case .tensorList:
            guard let items = sequence(v) else { return nil }
            var tensors = [Tensor]()
            tensors.reserveCapacity(items.count)
            for item in items {
                guard case .object(let t as Tensor) = item else { return nil }
                tensors.append(t)
            }
            return .tensorList(tensors)
        }
    }

    /// A Python int, float or bool, keeping its kind.
    static func number(_ v: Value) -> ScalarValue? {
        switch v {
        case .int(let i): return .int(Int64(i))
        case .float(let d): return .double(d)
        case .bool(let b): return .bool(b)
        default: return nil
        }
    }

    /// An int: a Python int or bool, or a one-element integer tensor (as `__index__` allows).
    static func int(_ v: Value, _ interp: Interpreter) -> Int? {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .object(let t as Tensor) where !t.dtype.isFloatingPoint: return try? interp.intValue(v, "", "")
        default: return nil
        }
    }

    /// A list, tuple or `torch.Size` of ints.
    static func intList(_ v: Value, _ interp: Interpreter) -> [Int]? {
        if case .object(let s as SizeObject) = v { return s.shape }
        guard let items = sequence(v) else { return nil }
        var list = [Int]()
        list.reserveCapacity(items.count)
        for item in items {
            guard let i = int(item, interp) else { return nil }
            list.append(i)
        }
        return list
    }

    /// The items of a list or tuple.
    static func sequence(_ v: Value) -> [Value]? {
        switch v {
        case .list(let l): return l.items
        case .tuple(let items): return items
        default: return nil
        }
    }

    /// The parameter type as PyTorch's argument errors spell it.
    static func pythonSpelling(_ type: OpParameterType) -> String {
        switch type {
        case .tensor: return "Tensor"
        case .tensorList: return "tuple of Tensors"
        case .scalar: return "Number"
        case .int: return "int"
        case .intList: return "tuple of ints"
        case .float: return "float"
        case .bool: return "bool"
        case .scalarType: return "torch.dtype"
        case .string: return "str"
        }
    }
}
