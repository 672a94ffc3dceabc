/// Argument checks shared by builtins and host functions, with PyTorch-style TypeErrors.
extension Interpreter {
    /// Whether `v` is `None`.
    package func isNone(_ v: Value) -> Bool {
        if case .none = v { return true }
        return false
    }

    /// An int argument: a Python int or bool, or an object standing for an integer (a one-element
    /// integer tensor).
    package func intValue(_ v: Value?, _ function: String, _ name: String) throws -> Int {
        guard let v else { throw PyException.type("\(function)() missing required argument '\(name)'") }
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .object(let o):
            switch try o.numberValue(self) {
            case .int(let i)?:
                guard let exact = Int(exactly: Double(i)) else {
                    throw PyException(.overflowError, "Python int too large to convert to C long")
                }
                return exact
            case .bool(let b)?: return b ? 1 : 0
            default: break
            }
        default: break
        }
        throw PyException.type("\(function)(): argument '\(name)' must be int, not \(Formatting.typeName(v))")
    }
}
